package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * An {@link H2Database} whose unique indexes key their maps with {@link RememberedKeyType} and whose collections
 * serve guarded queries through those indexes ({@link ConjunctIndexH2Collection}).
 */
final class RememberedKeysH2Database extends H2Database {

    /**
     * The store while the constructor runs: H2Database's constructor already opens the existing indexes (through
     * {@link #openOrCreateUniqueIndex}), before this class's own field is assigned.
     */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private RememberedKeysH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
    }

    static RememberedKeysH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        OPENING.set(store);
        try {
            return new RememberedKeysH2Database(databaseName, store, cursorRegistry);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVStore mvStore = store != null ? store : OPENING.get();
        // The map's name as H2Database names it (its own method for it is private), so the files stay compatible.
        MVMap<KeyValue, Object> map = mvStore.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(RememberedKeyType.INSTANCE));
        return new H2UniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore mvStore = store != null ? store : OPENING.get();
        // The maps' names as H2Database names them, so the files stay compatible.
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = mvStore.openMap(DATABASES_PREFIX + fullName);
        MVMap<String, Object> metaMap = mvStore.openMap("meta." + fullName);
        return new ConjunctIndexH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }
}
