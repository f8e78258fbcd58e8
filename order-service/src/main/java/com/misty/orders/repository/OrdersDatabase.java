package com.misty.orders.repository;

import com.misty.platform.storage.ServiceDatabase;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own database; each repository names its collection. */
@ApplicationScoped
public class OrdersDatabase extends ServiceDatabase {

    public OrdersDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        super(client, name);
    }

    /** The whole database, for {@link OrderVersionMigration} (it keeps its own record in {@code migrations}). */
    @Override
    protected MongoDatabase database() {
        return super.database();
    }
}
