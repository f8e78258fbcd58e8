package com.misty.orders.rest;

import com.misty.orders.OrderApi;
import com.misty.testkit.OwnDatabase;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;

/**
 * Documents this code did not write — the original system's orders and clients (ObjectId {@code _id}, lower-case
 * or unknown statuses, no version, no {@code active}, dates as text, lines without numbers) — seeded straight
 * into the database: every read endpoint answers them, none with a 5xx.
 */
@QuarkusTest
@WithTestResource(value = OwnDatabase.class, initArgs = @ResourceArg(name = "database", value = "orders_tolerant"))
class TolerantReadingTest {

    private static final ObjectId LEGACY_ORDER = new ObjectId();
    private static final ObjectId LEGACY_CLIENT = new ObjectId();

    @Inject
    MongoClient mongo;

    private final OrderApi api = OrderApi.manager();

    @BeforeEach
    void seedForeignDocuments() {
        MongoDatabase db = mongo.getDatabase("orders_tolerant");
        if (db.getCollection("orders").countDocuments() > 0) {
            return;
        }
        db.getCollection("clients").insertMany(List.of(
                new Document("_id", LEGACY_CLIENT).append("id", "c-legacy").append("name", "Old Client Ltd"),
                new Document("_id", "c-odd").append("code", 42).append("name", "Odd Client").append("active", "false")
                        .append("contacts", List.of("not a contact", new Document("name", "Jo")))));
        db.getCollection("orders").insertMany(List.of(
                new Document("_id", LEGACY_ORDER).append("id", "o-legacy").append("order_number", "ORD-0042")
                        .append("client_id", "c-legacy").append("status", "pending")
                        .append("created_at", "2025-09-01T10:15:00.123456"),
                new Document("_id", "o-lower").append("order_number", "ORD-0043").append("status", "in_production")
                        .append("version", 3).append("due_date", new Date())
                        .append("lines", List.of(new Document("product_id", "P-1").append("quantity", 12.0),
                                "garbage")),
                new Document("_id", "o-unknown").append("order_number", "ORD-0044").append("status", "on_hold")
                        .append("lines", "not a list").append("allocations", List.of(new Document("line", 1))),
                new Document("_id", "o-numeric").append("order_number", 45).append("status", 5)
                        .append("due_date", "next week").append("created_at", 1234)));
    }

    @Test
    void everyListAndDetailEndpointAnswersForeignDocuments() {
        List<String> ids = api.list(Map.of("size", 100)).statusCode(200)
                .body("items.id", hasItems(LEGACY_ORDER.toHexString(), "o-lower", "o-unknown", "o-numeric"))
                .extract().path("items.id");
        for (String id : ids) {
            api.get(id).statusCode(200);
            api.get(id + "/history").statusCode(200);
        }
        api.get("export.csv").statusCode(200);
        for (String sort : List.of("order_number", "-created_at", "due_date", "status")) {
            api.list(Map.of("sort", sort)).statusCode(lessThan(500));
        }

        List<String> clients = api.listClients(Map.of("size", 100)).statusCode(200)
                .body("items.id", hasItems(LEGACY_CLIENT.toHexString(), "c-odd")).extract().path("items.id");
        clients.forEach(id -> api.getClient(id).statusCode(200));
    }

    @Test
    void foreignValuesAreMappedOrFlagged() {
        api.get(LEGACY_ORDER.toHexString()).statusCode(200).body("status", equalTo("UNRECOGNISED"))
                .body("version", equalTo(1)).body("order_number", equalTo("ORD-0042"))
                .body("created_at", equalTo("2025-09-01T10:15:00.123456Z"));
        api.get("o-lower").statusCode(200).body("status", equalTo("IN_PRODUCTION")).body("version", equalTo(3))
                .body("lines[0].line", equalTo(1)).body("lines[0].quantity", equalTo(12));
        api.get("o-unknown").statusCode(200).body("status", equalTo("UNRECOGNISED"));
        api.getClient(LEGACY_CLIENT.toHexString()).statusCode(200).body("active", equalTo(true)).body("version", equalTo(1));
        api.getClient("c-odd").statusCode(200).body("active", equalTo(false)).body("code", equalTo("42"));
    }

    @Test
    void anOrderInAnUnrecognisedStatusIsReadOnly() {
        api.cancel("o-unknown", "tidy up").statusCode(409);
        api.patch("o-unknown", Map.of("version", 1, "notes", "x")).statusCode(409);
    }
}
