package com.misty.orders.repository;

import com.misty.testkit.MistyTestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * The test infrastructure plus a database holding orders from before Migration 1 (no version field), written
 * before the service starts, so the service's own startup has to migrate them.
 */
public class LegacyOrdersSeeded implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "orders_legacy";
    static final int LEGACY_ORDERS = 3;

    private final MistyTestInfrastructure infrastructure = new MistyTestInfrastructure();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure.start());
        try (MongoClient client = MongoClients.create(MistyTestInfrastructure.mongoConnectionString())) {
            MongoDatabase db = client.getDatabase(DATABASE);
            db.drop();
            OrderVersionMigrationTest.seedLegacyOrders(db, LEGACY_ORDERS);
        }
        config.put("quarkus.mongodb.database", DATABASE);
        return config;
    }

    @Override
    public void stop() {
        infrastructure.stop();
    }
}
