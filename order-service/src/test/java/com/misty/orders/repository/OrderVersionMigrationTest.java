package com.misty.orders.repository;

import com.misty.testkit.Concurrently;
import com.misty.testkit.MongoStandIn;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Migration 1 against pre-seeded orders without a version, with several replicas starting at once. */
class OrderVersionMigrationTest {

    private static MongoStandIn mongo;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        mongo = MongoStandIn.start();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void eightReplicasStartingTogetherRunItExactlyOnce() {
        MongoDatabase db = freshDatabase();
        seedLegacyOrders(db, 50);
        db.getCollection("orders").insertOne(new Document("_id", "already-versioned").append("order_number", "ORD-999999")
                .append("version", 5L));

        List<OrderVersionMigration.Result> results = Concurrently.run(8, i -> () -> migration(db, "replica-" + i).run());

        assertThat(results).filteredOn(r -> r.outcome() == OrderVersionMigration.Outcome.RAN)
                .singleElement().satisfies(r -> assertThat(r.ordersUpdated()).isEqualTo(50));
        assertThat(results).filteredOn(r -> r.outcome() == OrderVersionMigration.Outcome.DONE_BY_OTHER).hasSize(7);
        assertThat(db.getCollection("orders").countDocuments(Filters.exists("version", false))).isZero();
        assertThat(db.getCollection("orders").countDocuments(Filters.eq("version", 1L))).isEqualTo(50);
        assertThat(db.getCollection("orders").find(Filters.eq("_id", "already-versioned")).first().get("version"))
                .isEqualTo(5L);
        Document record = db.getCollection("migrations").find(Filters.eq("_id", OrderVersionMigration.ID)).first();
        assertThat(record.getString("state")).isEqualTo("done");
        assertThat(record.get("orders_updated")).isEqualTo(50L);
        assertThat(record.getDate("completed_at")).isNotNull();

        // A later start (e.g. a rolling update) finds it done and touches nothing.
        assertThat(migration(db, "later").run()).isEqualTo(
                new OrderVersionMigration.Result(OrderVersionMigration.Outcome.DONE_BY_OTHER, 0));
    }

    @Test
    void everyLaterStartGivesVersionOneToOrdersThatArrivedWithoutOne() {
        MongoDatabase db = freshDatabase();
        seedLegacyOrders(db, 2);
        assertThat(migration(db, "first").run().ordersUpdated()).isEqualTo(2);
        db.getCollection("orders").insertMany(List.of(new Document("_id", "late-1").append("order_number", "ORD-000901"),
                new Document("_id", "late-2").append("order_number", "ORD-000902"),
                new Document("_id", "late-versioned").append("order_number", "ORD-000903").append("version", 7L)));

        assertThat(migration(db, "restart").run()).isEqualTo(
                new OrderVersionMigration.Result(OrderVersionMigration.Outcome.DONE_BY_OTHER, 2));

        assertThat(db.getCollection("orders").countDocuments(Filters.exists("version", false))).isZero();
        assertThat(db.getCollection("orders").find(Filters.eq("_id", "late-versioned")).first().get("version")).isEqualTo(7L);
        assertThat(db.getCollection("migrations").find(Filters.eq("_id", OrderVersionMigration.ID)).first()
                .get("late_orders_updated")).isEqualTo(2L);
        assertThat(migration(db, "again").run().ordersUpdated()).isZero();
    }

    @Test
    void aReplicaWaitsWhileAnotherRunsIt() throws Exception {
        MongoDatabase db = freshDatabase();
        seedLegacyOrders(db, 3);
        Instant now = Instant.now();
        db.getCollection("migrations").insertOne(new Document("_id", OrderVersionMigration.ID).append("state", "running")
                .append("owner", "busy-replica").append("lease_until", Date.from(now.plusSeconds(300))));

        CompletableFuture<OrderVersionMigration.Result> waiting =
                CompletableFuture.supplyAsync(() -> migration(db, "waiting-replica").run());
        Thread.sleep(300);
        assertThat(waiting).isNotDone();

        db.getCollection("orders").updateMany(Filters.exists("version", false), new Document("$set", new Document("version", 1L)));
        db.getCollection("migrations").updateOne(Filters.eq("_id", OrderVersionMigration.ID),
                new Document("$set", new Document("state", "done")));
        assertThat(waiting.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(OrderVersionMigration.Outcome.DONE_BY_OTHER);
    }

    @Test
    void aRunWhoseReplicaDiedIsTakenOverWhenItsLeaseRunsOut() {
        MongoDatabase db = freshDatabase();
        seedLegacyOrders(db, 4);
        db.getCollection("migrations").insertOne(new Document("_id", OrderVersionMigration.ID).append("state", "running")
                .append("owner", "dead-replica").append("lease_until", Date.from(Instant.now().minusSeconds(1))));

        OrderVersionMigration.Result result = migration(db, "survivor").run();

        assertThat(result.outcome()).isEqualTo(OrderVersionMigration.Outcome.RAN);
        assertThat(result.ordersUpdated()).isEqualTo(4);
        Document record = db.getCollection("migrations").find(Filters.eq("_id", OrderVersionMigration.ID)).first();
        assertThat(record.getString("owner")).isEqualTo("survivor");
        assertThat(record.getString("state")).isEqualTo("done");
    }

    private static OrderVersionMigration migration(MongoDatabase db, String owner) {
        return new OrderVersionMigration(db, owner, Duration.ofMinutes(5), Duration.ofMillis(20), Clock.systemUTC());
    }

    private static MongoDatabase freshDatabase() {
        return client.getDatabase("migration_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Orders as the original system stored them before Migration 1: no version field. */
    static void seedLegacyOrders(MongoDatabase db, int count) {
        List<Document> legacy = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            legacy.add(new Document("_id", "legacy-" + i).append("order_number", String.format("ORD-%06d", i))
                    .append("client_id", "legacy-client").append("status", "CONFIRMED")
                    .append("lines", List.of(new Document("line", 1).append("product_id", "P-1").append("quantity", 10)))
                    .append("created_at", new Date()));
        }
        db.getCollection("orders").insertMany(legacy);
    }
}
