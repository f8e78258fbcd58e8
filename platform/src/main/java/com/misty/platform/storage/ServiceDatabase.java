package com.misty.platform.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * A service's own database (the one named by {@code quarkus.mongodb.database}). Each service's
 * {@code <Service>Database} extends it, adding the names of its collections; the index set-up is the service's
 * {@code <Service>DatabaseSetup}.
 */
public abstract class ServiceDatabase {

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

    public MongoCollection<Document> collection(String collection) {
        return database().getCollection(collection);
    }

    /** The whole database, for work that spans collections (a migration with its own record). */
    protected MongoDatabase database() {
        return client.getDatabase(name);
    }
}
