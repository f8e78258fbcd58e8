package com.misty.platform.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.quarkus.mongodb.panache.common.MongoDatabaseResolver;
import org.bson.Document;

/**
 * A service's own database (the one named by {@code quarkus.mongodb.database}). Each service's
 * {@code <Service>Database} extends it, adding the names of its collections; the index set-up is the service's
 * {@code <Service>DatabaseSetup}. The repositories reach their collections through Panache, which asks this bean
 * (its {@link MongoDatabaseResolver}) for the database: Panache's own lookup of {@code quarkus.mongodb.database}
 * is remembered for the life of the JVM, so an application restarted with another database (a test with its own)
 * would still be sent to the first one.
 */
public abstract class ServiceDatabase implements MongoDatabaseResolver {

    private final MongoClient client;
    private final String name;

    protected ServiceDatabase(MongoClient client, String name) {
        this.client = client;
        this.name = name;
    }

    /** Only for CDI's client proxy of a normal-scoped subclass, which hands every call to the real instance. */
    protected ServiceDatabase() {
        this(null, null);
    }

    @Override
    public String resolve() {
        return name;
    }

    /** A collection as raw documents, for set-up and migrations; repositories use their Panache collection. */
    public MongoCollection<Document> collection(String collection) {
        return database().getCollection(collection);
    }

    /** The whole database, for work that spans collections (a migration with its own record). */
    protected MongoDatabase database() {
        return client.getDatabase(name);
    }
}
