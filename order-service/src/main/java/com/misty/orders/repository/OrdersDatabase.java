package com.misty.orders.repository;

import com.misty.platform.storage.ServiceDatabase;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own database and the names of its collections. */
@ApplicationScoped
public class OrdersDatabase extends ServiceDatabase {

    public static final String ORDERS = "orders";
    public static final String CLIENTS = "clients";
    public static final String ORDER_HISTORY = "order_history";
    public static final String COUNTERS = "counters";
    public static final String MIGRATIONS = "migrations";

    public OrdersDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        super(client, name);
    }

    /** The whole database, for {@link OrderVersionMigration} (it keeps its own record in {@code migrations}). */
    @Override
    protected MongoDatabase database() {
        return super.database();
    }
}
