package com.misty.orders.rest;

import com.misty.orders.OrderApi;
import com.misty.testkit.OwnDatabase;
import com.misty.testkit.TestTokens;
import com.mongodb.client.MongoClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Orders of the original system through the admin import: mapped, kept by id, renumbered when duplicated, idempotent. */
@QuarkusTest
@WithTestResource(value = OwnDatabase.class, initArgs = @ResourceArg(name = "database", value = "orders_import"))
class OrderImportResourceTest {

    private static final String ADMIN = TestTokens.accessToken("admin-import", "admin");

    @Inject
    MongoClient mongo;

    private final OrderApi api = OrderApi.manager();

    @Test
    void importsKeepIdsMapStatusesRenumberDuplicatesAndAreIdempotent() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<Map<String, Object>> records = List.of(
                original(tag + "-1", "ORD-7001", "pending", null),
                original(tag + "-2", "ORD-7002", "completed", 4),
                original(tag + "-3", "ORD-7001", "in_production", null),
                original(tag + "-4", "ORD-7001", "cancelled", null),
                original(tag + "-5", "ORD-7003", "on_hold", null));

        long before = orders();
        importing(records, true).statusCode(200).body("dry_run", equalTo(true)).body("imported", equalTo(2))
                .body("renumbered", equalTo(2)).body("rejected", equalTo(1))
                .body("outcomes[3].order_number", equalTo("ORD-7001-DUP3"));
        assertThat(orders()).as("a dry run writes nothing").isEqualTo(before);

        importing(records, false).statusCode(200).body("records", equalTo(5)).body("imported", equalTo(2))
                .body("renumbered", equalTo(2)).body("rejected", equalTo(1)).body("already_present", equalTo(0))
                .body("outcomes[2].outcome", equalTo("RENUMBERED")).body("outcomes[2].order_number", equalTo("ORD-7001-DUP2"))
                .body("outcomes[2].original_order_number", equalTo("ORD-7001"))
                .body("outcomes[4].outcome", equalTo("REJECTED"))
                .body("outcomes[4].reason", equalTo("status 'on_hold' has no mapping (add it to the mapping file's order statuses)"));
        assertThat(orders()).isEqualTo(before + 4);

        api.get(tag + "-1").statusCode(200).body("order_number", equalTo("ORD-7001")).body("status", equalTo("CONFIRMED"))
                .body("version", equalTo(1)).body("client_id", equalTo("client-" + tag)).body("lines", hasSize(1))
                .body("lines[0].quantity", equalTo(250)).body("created_at", equalTo("2025-09-01T10:00:00Z"));
        api.get(tag + "-2").statusCode(200).body("status", equalTo("COMPLETED")).body("version", equalTo(4));
        api.get(tag + "-4").statusCode(200).body("order_number", equalTo("ORD-7001-DUP3")).body("status", equalTo("CANCELLED"));

        importing(records, false).statusCode(200).body("imported", equalTo(0)).body("renumbered", equalTo(0))
                .body("already_present", equalTo(4)).body("rejected", equalTo(1));
        assertThat(orders()).as("a second run changes nothing").isEqualTo(before + 4);
        api.get(tag + "-1").statusCode(200).body("version", equalTo(1));

        // The mapping is the operator's to adjust: the rejected record comes in once its status is mapped.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("orders", List.of(records.get(4)), "status_map", Map.of("on_hold", "CONFIRMED")))
                .post("/api/orders/import").then().statusCode(200).body("imported", equalTo(1));

        String next = api.create(OrderApi.newOrder(OrderApi.newClient(), List.of(OrderApi.line("P-1", 1))))
                .statusCode(201).extract().path("order_number");
        assertThat(next).as("the counter continues above the highest imported number").isGreaterThan("ORD-007003");
    }

    @Test
    void clientsComeFirstKeepTheirIdsAndATakenCodeIsRenumbered() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> first = new HashMap<>(Map.of("id", "cl-" + tag + "-1", "name", "Harbour Foods Ltd",
                "code", "HARBOUR-" + tag, "contact_name", "Ines Buyer", "email", "ines@harbour.example",
                "address", "1 Quay", "fax", "0123"));
        Map<String, Object> sameCode = new HashMap<>(Map.of("id", "cl-" + tag + "-2", "company_name", "Harbour Fish",
                "code", "HARBOUR-" + tag));
        Map<String, Object> nameless = Map.of("id", "cl-" + tag + "-3");
        Map<String, Object> order = original(tag + "-9", "ORD-7090", "completed", null);
        order.put("client_id", "cl-" + tag + "-1");
        Map<String, Object> request = Map.of("clients", List.of(first, sameCode, nameless), "orders", List.of(order));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("clients", request.get("clients"), "dry_run", true))
                .post("/api/orders/import").then().statusCode(200).body("clients.imported", equalTo(1))
                .body("clients.renumbered", equalTo(1)).body("clients.rejected", equalTo(1));
        given().auth().oauth2(ADMIN).get("/api/clients/cl-" + tag + "-1").then().statusCode(404);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(request).post("/api/orders/import").then()
                .statusCode(200).body("imported", equalTo(1)).body("clients.records", equalTo(3))
                .body("clients.imported", equalTo(1)).body("clients.renumbered", equalTo(1))
                .body("clients.outcomes[1].code", equalTo("HARBOUR-" + tag + "-DUP2"))
                .body("clients.outcomes[2].reason", equalTo("no name (name, company_name or client_name)"))
                .body("unmapped_fields.clients.fax", equalTo(1)).body("outcomes[0].status", equalTo("COMPLETED"));
        given().auth().oauth2(ADMIN).get("/api/clients/cl-" + tag + "-1").then().statusCode(200)
                .body("name", equalTo("Harbour Foods Ltd")).body("code", equalTo("HARBOUR-" + tag))
                .body("contacts[0].name", equalTo("Ines Buyer")).body("contacts[0].email", equalTo("ines@harbour.example"))
                .body("billing_address", equalTo("1 Quay")).body("active", equalTo(true));
        api.get(tag + "-9").statusCode(200).body("client_id", equalTo("cl-" + tag + "-1"));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(request).post("/api/orders/import").then()
                .statusCode(200).body("clients.imported", equalTo(0)).body("clients.already_present", equalTo(2))
                .body("already_present", equalTo(1));
    }

    @Test
    void onlyAnAdminImportsAndABadStatusMapIsRefused() {
        given().auth().oauth2(TestTokens.accessToken("mgr", "manager")).contentType(ContentType.JSON)
                .body(Map.of("orders", List.of())).post("/api/orders/import").then().statusCode(403);
        long before = orders();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("orders", List.of(original("x-" + UUID.randomUUID(), "ORD-9", "odd", null)),
                        "status_map", Map.of("odd", "PENDING_STOCK")))
                .post("/api/orders/import").then().statusCode(400).body("code", equalTo("INVALID_STATUS_MAP"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("dry_run", true))
                .post("/api/orders/import").then().statusCode(400);
        // An operator where a record's fields belong (at any depth) refuses the whole request, before any is read.
        Map<String, Object> injected = new java.util.HashMap<>(original("x-" + UUID.randomUUID(), "ORD-10", "completed", null));
        injected.put("client", Map.of("$gt", ""));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("orders", List.of(injected)))
                .post("/api/orders/import").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        assertThat(orders()).isEqualTo(before);
    }

    private static Map<String, Object> original(String id, String number, String status, Integer version) {
        Map<String, Object> record = new HashMap<>(Map.of("id", id, "order_number", number, "status", status,
                "client_id", "client-" + id.substring(0, 6), "client_name", "Old Client",
                "lines", List.of(Map.of("product_id", "P-OLD", "quantity", 250)),
                "created_at", "2025-09-01T10:00:00"));
        if (version != null) {
            record.put("version", version);
        }
        return record;
    }

    private static ValidatableResponse importing(List<Map<String, Object>> records, boolean dryRun) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("orders", records, "dry_run", dryRun)).post("/api/orders/import").then();
    }

    private long orders() {
        return mongo.getDatabase("orders_import").getCollection("orders").countDocuments();
    }
}
