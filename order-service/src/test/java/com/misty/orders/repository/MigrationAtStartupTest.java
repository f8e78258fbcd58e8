package com.misty.orders.repository;

import com.misty.orders.OrderApi;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.misty.orders.OrderApi.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The service migrates orders stored without a version when it starts, and numbers new orders after them. */
@QuarkusTest
@WithTestResource(LegacyOrdersSeeded.class)
class MigrationAtStartupTest {

    @Inject
    MongoClient mongo;

    private final OrderApi api = OrderApi.manager();

    @Test
    void legacyOrdersGotVersionOneAndCanBeEditedWithOptimisticLocking() {
        for (int i = 1; i <= LegacyOrdersSeeded.LEGACY_ORDERS; i++) {
            api.get("legacy-" + i).statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        }
        Document record = mongo.getDatabase(LegacyOrdersSeeded.DATABASE).getCollection("migrations")
                .find(Filters.eq("_id", OrderVersionMigration.ID)).first();
        assertThat(record.getString("state")).isEqualTo("done");
        assertThat(record.get("orders_updated")).isEqualTo((long) LegacyOrdersSeeded.LEGACY_ORDERS);

        api.patch("legacy-1", Map.of("version", 1, "contact_name", "Imported")).statusCode(200).body("version", equalTo(2));
        api.patch("legacy-2", Map.of("version", 2, "contact_name", "Stale")).statusCode(409)
                .body("code", equalTo("VERSION_CONFLICT")).body("current_version", equalTo(1));
    }

    @Test
    void newOrdersAreNumberedAfterTheImportedOnes() {
        String number = api.create(OrderApi.newOrder(OrderApi.newClient(), java.util.List.of(line("P-1", 1))))
                .statusCode(201).extract().path("order_number");
        assertThat(number).isGreaterThan(String.format("ORD-%06d", LegacyOrdersSeeded.LEGACY_ORDERS));
    }
}
