package com.misty.inventory.repository;

import com.misty.platform.storage.ServiceDatabase;
import com.mongodb.client.MongoClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own database and the names of its collections. */
@ApplicationScoped
public class InventoryDatabase extends ServiceDatabase {

    public static final String STOCK = "raw_substrate_stock";
    public static final String MOVEMENTS = "stock_movements";
    public static final String ALLOCATIONS = "allocations";
    public static final String ORDER_ALLOCATIONS = "order_allocations";
    public static final String PRODUCTS = "products";

    public InventoryDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        super(client, name);
    }
}
