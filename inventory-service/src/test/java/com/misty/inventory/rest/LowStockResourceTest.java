package com.misty.inventory.rest;

import com.misty.contracts.Topics;
import com.misty.contracts.inventory.StockLowReached;
import com.misty.platform.events.EventJson;
import com.misty.testkit.EventProbe;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.misty.inventory.rest.StockApi.MANAGER;
import static com.misty.inventory.rest.StockApi.PRODUCTION;
import static com.misty.inventory.rest.StockApi.allocate;
import static com.misty.inventory.rest.StockApi.post;
import static com.misty.inventory.rest.StockApi.receive;
import static com.misty.inventory.rest.StockApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A reorder level per record: StockLowReached once per crossing below it, and the list of records below it. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class LowStockResourceTest {

    @Test
    void stockLowIsAnnouncedOncePerCrossingAndTheRecordIsListedWhileBelow() {
        String product = unique("board"), client = unique("client");
        String stockId = receive(product, client, 100);
        setReorderLevel(stockId, 30, 0).then().statusCode(200).body("reorder_level", equalTo(30))
                .body("below_reorder", equalTo(false));

        allocate(PRODUCTION, product, client, 60).then().statusCode(201);   // 40: above
        allocate(PRODUCTION, product, client, 15).then().statusCode(201);   // 25: crosses below -> StockLowReached
        allocate(PRODUCTION, product, client, 5).then().statusCode(201);    // 20: still below, no second event
        assertThat(belowReorder(client)).containsExactly(stockId);
        receive(product, client, 50);                                        // 70: back above
        assertThat(belowReorder(client)).isEmpty();
        post(MANAGER, "/api/stock/adjustments", Map.of("product_id", product, "client_id", client,
                "quantity_change", -45, "reason", "damaged")).then().statusCode(200);   // 25: crosses again -> StockLowReached

        List<StockLowReached> lows = lows(stockId, 2);
        assertThat(lows).extracting(l -> l.available().longValueExact()).containsExactly(25L, 25L);
        assertThat(lows).allSatisfy(l -> assertThat(l.reorderLevel().longValueExact()).isEqualTo(30));
        assertThat(belowReorder(client)).containsExactly(stockId);
        given().auth().oauth2(PRODUCTION).when().get("/api/stock/" + stockId).then().body("below_reorder", equalTo(true));
    }

    @Test
    void raisingTheReorderLevelAboveTheLevelIsACrossingAndAStaleSettingIs409() {
        String product = unique("film"), client = unique("client");
        String stockId = receive(product, client, 10);
        setReorderLevel(stockId, 5, 0).then().statusCode(200).body("reorder_version", equalTo(1));
        setReorderLevel(stockId, 8, 0).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("VERSION_CONFLICT")).body("current_version", equalTo(1));
        setReorderLevel(stockId, 12, 1).then().statusCode(200).body("below_reorder", equalTo(true));

        assertThat(lows(stockId, 1)).extracting(l -> l.reorderLevel().longValueExact()).containsExactly(12L);
        assertThat(belowReorder(client)).containsExactly(stockId);
        given().auth().oauth2(PRODUCTION).contentType(ContentType.JSON).body(Map.of("reorder_level", 1, "reorder_version", 2))
                .when().put("/api/stock/" + stockId + "/reorder-level").then().statusCode(403);
        setReorderLevel(stockId, -1, 2).then().statusCode(400);
    }

    private static io.restassured.response.Response setReorderLevel(String stockId, long level, long version) {
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body(Map.of("reorder_level", level, "reorder_version", version))
                .when().put("/api/stock/" + stockId + "/reorder-level");
    }

    private static List<String> belowReorder(String client) {
        return given().auth().oauth2(PRODUCTION).queryParam("client_id", client).queryParam("below_reorder", true)
                .when().get("/api/stock").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    /** The StockLowReached events of one record, after at least {@code expected} arrived and nothing more for a moment. */
    private static List<StockLowReached> lows(String stockId, int expected) {
        try (EventProbe probe = new EventProbe(MistyTestInfrastructure.kafkaBootstrapServers(), Topics.INVENTORY_EVENTS)) {
            long[] enoughSince = {0};
            List<ConsumerRecord<String, String>> records = probe.pollUntil(r -> {
                if (of(r, stockId).size() < expected) {
                    return false;
                }
                if (enoughSince[0] == 0) {
                    enoughSince[0] = System.nanoTime();
                }
                return System.nanoTime() - enoughSince[0] > Duration.ofSeconds(3).toNanos();
            }, Duration.ofSeconds(30)); // inventory.events: the saga's answers and alerts only, StockLevelChanged has its own topic
            return of(records, stockId);
        }
    }

    private static List<StockLowReached> of(List<ConsumerRecord<String, String>> records, String stockId) {
        return records.stream().map(r -> EventJson.read(r.value())).filter(e -> e.is(StockLowReached.class))
                .map(e -> e.payloadAs(StockLowReached.class)).filter(l -> l.stockId().equals(stockId)).toList();
    }
}
