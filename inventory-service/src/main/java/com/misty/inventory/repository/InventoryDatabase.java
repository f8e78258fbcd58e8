package com.misty.inventory.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own database and the names of its collections. */
@ApplicationScoped
public class InventoryDatabase {

    public static final String STOCK = "raw_substrate_stock";
    public static final String MOVEMENTS = "stock_movements";
    public static final String ALLOCATIONS = "allocations";
    public static final String ORDER_ALLOCATIONS = "order_allocations";
    public static final String PRODUCTS = "products";

    private final MongoClient client;
    private final String name;

    public InventoryDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        this.client = client;
        this.name = name;
    }

    public MongoCollection<Document> collection(String collection) {
        return client.getDatabase(name).getCollection(collection);
    }
}
