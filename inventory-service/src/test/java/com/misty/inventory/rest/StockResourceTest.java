package com.misty.inventory.rest;

import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.misty.inventory.rest.StockApi.ADMIN;
import static com.misty.inventory.rest.StockApi.MANAGER;
import static com.misty.inventory.rest.StockApi.PRODUCTION;
import static com.misty.inventory.rest.StockApi.allocate;
import static com.misty.inventory.rest.StockApi.ledger;
import static com.misty.inventory.rest.StockApi.level;
import static com.misty.inventory.rest.StockApi.post;
import static com.misty.inventory.rest.StockApi.receive;
import static com.misty.inventory.rest.StockApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class StockResourceTest {

    @Test
    void firstReceiptCreatesTheRecordAndLaterOnesAddToIt() {
        String product = unique("board"), client = unique("client");
        String id = receive(product, client, 40);
        String again = receive(product, client, 2);

        assertThat(again).isEqualTo(id);
        given().auth().oauth2(PRODUCTION).when().get("/api/stock/" + id).then().statusCode(200)
                .body("quantity_on_hand", equalTo(42)).body("unit", equalTo("units"))
                .body("product_id", equalTo(product)).body("client_id", equalTo(client)).body("version", equalTo(2));
    }

    @Test
    void concurrentFirstReceiptsCreateOneRecord() {
        String product = unique("board"), client = unique("client");

        List<String> ids = Concurrently.run(16, i -> () -> receive(product, client, 5));

        assertThat(ids).containsOnly(ids.get(0));
        given().auth().oauth2(PRODUCTION).queryParam("product_id", product).queryParam("client_id", client)
                .when().get("/api/stock").then().statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(1)).body("items[0].quantity_on_hand", equalTo(80));
    }

    @Test
    void listFiltersByClientAndPages() {
        String client = unique("client");
        for (int i = 0; i < 5; i++) {
            receive(unique("p" + i), client, 10);
        }
        given().auth().oauth2(PRODUCTION).queryParam("client_id", client).queryParam("size", 2).queryParam("page", 2)
                .when().get("/api/stock").then().statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(5)).body("page", equalTo(2)).body("size", equalTo(2));
        given().auth().oauth2(PRODUCTION).queryParam("client_id", client).queryParam("size", 2)
                .when().get("/api/stock").then().statusCode(200).body("items", hasSize(2))
                .body("items.client_id", org.hamcrest.Matchers.everyItem(equalTo(client)));
    }

    @Test
    void allocationReturnsTheLevelAfterItAndReleaseIsIdempotent() {
        String product = unique("board"), client = unique("client");
        String stockId = receive(product, client, 100);

        var allocation = allocate(PRODUCTION, product, client, 30).then().statusCode(201)
                .body("quantity", equalTo(30)).body("quantity_on_hand_after", equalTo(70))
                .body("status", equalTo("ALLOCATED")).body("stock_id", equalTo(stockId))
                .extract().jsonPath();
        String allocationId = allocation.getString("id");

        post(PRODUCTION, "/api/stock/allocations/" + allocationId + "/release", "")
                .then().statusCode(200).body("status", equalTo("RELEASED")).body("quantity_on_hand_after", equalTo(100));
        post(MANAGER, "/api/stock/allocations/" + allocationId + "/release", "")
                .then().statusCode(200).body("status", equalTo("RELEASED")).body("quantity_on_hand_after", equalTo(100));

        assertThat(level(stockId)).isEqualTo(100);
        given().auth().oauth2(PRODUCTION).when().get("/api/stock/allocations/" + allocationId)
                .then().statusCode(200).body("status", equalTo("RELEASED")).body("released_by", equalTo("prod-1"));
    }

    @Test
    void concurrentReleasesOfOneAllocationPutItBackOnce() {
        String product = unique("board"), client = unique("client");
        String stockId = receive(product, client, 50);
        String allocationId = allocate(PRODUCTION, product, client, 20).then().statusCode(201).extract().path("id");

        List<Integer> statuses = Concurrently.run(8, i -> () ->
                post(PRODUCTION, "/api/stock/allocations/" + allocationId + "/release", "").statusCode());

        assertThat(statuses).containsOnly(200);
        assertThat(level(stockId)).isEqualTo(50);
        assertThat(ledger(stockId)).extracting(m -> m.get("type")).containsExactly("RECEIPT", "ALLOCATION", "RELEASE");
    }

    @Test
    void adjustmentsCorrectTheLevelButNeverBelowZero() {
        String product = unique("board"), client = unique("client");
        String stockId = receive(product, client, 10);

        post(MANAGER, "/api/stock/adjustments", Map.of("product_id", product, "client_id", client,
                "quantity_change", -4, "reason", "damaged in storage"))
                .then().statusCode(200).body("quantity_on_hand", equalTo(6));
        post(ADMIN, "/api/stock/adjustments", Map.of("product_id", product, "client_id", client,
                "quantity_change", -7, "reason", "count correction"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("STOCK_BELOW_ZERO")).body("available", equalTo(6));

        assertThat(level(stockId)).isEqualTo(6);
    }

    @Test
    void theLedgerRecordsWhoWhenWhyHowMuchAndTheLevelAfter() {
        String product = unique("board"), client = unique("client");
        String stockId = receive(product, client, 100);
        allocate(PRODUCTION, product, client, 30).then().statusCode(201);
        post(MANAGER, "/api/stock/adjustments", Map.of("product_id", product, "client_id", client,
                "quantity_change", 5, "reason", "found a pallet")).then().statusCode(200);

        List<Map<String, Object>> movements = ledger(stockId);

        assertThat(movements).extracting(m -> m.get("type")).containsExactly("RECEIPT", "ALLOCATION", "ADJUSTMENT");
        assertThat(movements).extracting(m -> m.get("seq")).containsExactly(1, 2, 3);
        assertThat(movements).extracting(m -> m.get("quantity_change")).containsExactly(100, -30, 5);
        assertThat(movements).extracting(m -> m.get("level_after")).containsExactly(100, 70, 75);
        assertThat(movements).extracting(m -> m.get("actor")).containsExactly("prod-1", "prod-1", "mgr-1");
        assertThat(movements.get(0).get("reference")).isEqualTo("test");
        assertThat(movements.get(2).get("reason")).isEqualTo("found a pallet");
        assertThat(movements).allSatisfy(m -> assertThat(m.get("at")).isNotNull());
    }

    @Test
    void theLedgerIsArchivedIntoStockMovementsWithoutChangingWhatItSays() {
        String product = unique("board"), client = unique("client");
        String stockId = receive(product, client, 10);
        allocate(PRODUCTION, product, client, 3).then().statusCode(201);
        List<Map<String, Object>> before = ledger(stockId);

        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(io.quarkus.arc.Arc.container().instance(com.mongodb.client.MongoClient.class).get()
                        .getDatabase("inventory").getCollection("stock_movements")
                        .countDocuments(new org.bson.Document("stock_id", stockId))).isEqualTo(2));

        assertThat(ledger(stockId)).isEqualTo(before);
    }
}
