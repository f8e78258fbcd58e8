package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with unique indexes that compare their keys faster ({@link RememberedKeyType}) and
 * serve guarded queries ({@link ConjunctIndexH2Collection}), for the local suite's MongoDB stand-in: same file format, same key order, so a file either backend wrote is read
 * by the other. (In this package because the index class it builds is package-private.)
 */
public final class RememberedKeysH2Backend extends H2Backend {

    public RememberedKeysH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return RememberedKeysH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }
}
