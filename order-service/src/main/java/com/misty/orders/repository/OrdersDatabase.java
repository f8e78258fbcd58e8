package com.misty.orders.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own database; each repository names its collection. */
@ApplicationScoped
public class OrdersDatabase {

    private final MongoClient client;
    private final String name;

    public OrdersDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        this.client = client;
        this.name = name;
    }

    public MongoCollection<Document> collection(String collection) {
        return client.getDatabase(name).getCollection(collection);
    }

    /** The whole database, for {@link OrderVersionMigration} (it keeps its own record in {@code migrations}). */
    MongoDatabase database() {
        return client.getDatabase(name);
    }
}
