package com.misty.inventory.repository;

import com.misty.inventory.service.LedgerConfirmations;
import com.misty.inventory.service.StockService;
import com.misty.testkit.MistyTestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock record keeps a constant size: what it holds does not grow with the number of allocations,
 * releases, movements or events (MongoDB caps a document at 16 MB, and every update rewrites it).
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@TestProfile(StockRecordSizeTest.DatabaseOfItsOwn.class)
class StockRecordSizeTest {

    /**
     * 10,000 cycles leave some 20,000 ledger entries whose events the relay then publishes (about half a minute on a
     * busy machine); in a database of their own they do not queue ahead of the events other test classes wait for.
     */
    public static class DatabaseOfItsOwn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mongodb.database", "inventory-size-test");
        }
    }

    @Inject
    StockService service;

    @Inject
    MongoClient mongo;

    @Inject
    LedgerConfirmations confirmations;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void theRecordIsAsLargeAfter10000AllocationsAndReleasesAsAfter10() throws Exception {
        String product = "board-" + UUID.randomUUID(), client = "client-" + UUID.randomUUID();
        String stockId = service.receive(product, client, java.math.BigDecimal.valueOf(1_000_000), "size test", "prod-1").id();

        cycles(product, client, 10);
        int after10 = size(stockId);
        cycles(product, client, 4_990);
        int after5000 = size(stockId);
        cycles(product, client, 5_000);
        int after10000 = size(stockId);
        // Allocations left open do not live on the record either.
        for (int i = 0; i < 500; i++) {
            service.allocate(product, client, java.math.BigDecimal.valueOf(1), null, "prod-1");
        }
        int with500Open = size(stockId);

        System.out.printf("stock record BSON size: after 10 cycles %d B, 5,000 %d B, 10,000 %d B, +500 open %d B%n",
                after10, after5000, after10000, with500Open);
        // Once the window of recent movement ids is full (32 ids of 45 B) nothing on the record grows at all.
        assertThat(after10000).isEqualTo(after5000);
        assertThat(with500Open).isEqualTo(after10000);
        assertThat(after10000 - after10).isBetween(0, StockRepository.RECENT_WINDOW * 45);
        assertThat(service.get(stockId).quantityOnHand()).isEqualTo(1_000_000 - 500);
        assertThat(service.get(stockId).quantityAllocated()).isEqualTo(500);
    }

    /** {@code n} allocations of one unit and their releases, from 4 threads at once. */
    private void cycles(String product, String client, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                done.add(pool.submit(() -> {
                    String id = service.allocate(product, client, java.math.BigDecimal.valueOf(1), null, "prod-1").allocation().id();
                    service.release(id, "prod-1");
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The record at rest: the movements of the last requests taken off it (their confirmation goes in batches). */
    private int size(String stockId) {
        confirmations.flush();
        RawBsonDocument raw = mongo.getDatabase(database).getCollection(InventoryDatabase.STOCK, RawBsonDocument.class)
                .find(Filters.eq("_id", stockId)).first();
        return raw.getByteBuffer().remaining();
    }
}
