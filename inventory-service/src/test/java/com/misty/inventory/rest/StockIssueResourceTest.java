package com.misty.inventory.rest;

import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static com.misty.inventory.rest.StockApi.MANAGER;
import static com.misty.inventory.rest.StockApi.PRODUCTION;
import static com.misty.inventory.rest.StockApi.allocate;
import static com.misty.inventory.rest.StockApi.ledger;
import static com.misty.inventory.rest.StockApi.post;
import static com.misty.inventory.rest.StockApi.receive;
import static com.misty.inventory.rest.StockApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Issuing allocated stock to production: consumed once, the unused rest released once. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class StockIssueResourceTest {

    @Test
    void aPartialIssueConsumesWhatWasUsedAndReleasesTheRestOnce() {
        String product = unique("board"), client = unique("client");
        String stockId = receive(product, client, 100);
        String allocationId = allocate(PRODUCTION, product, client, 40).then().statusCode(201).extract().path("id");
        assertLevels(stockId, 100, 40, 60);

        List<Response> responses = Concurrently.run(8, i -> () ->
                post(PRODUCTION, "/api/stock/issues", Map.of("allocation_id", allocationId, "quantity", 25)));

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        assertLevels(stockId, 75, 0, 75);
        given().auth().oauth2(PRODUCTION).when().get("/api/stock/allocations/" + allocationId).then().statusCode(200)
                .body("status", equalTo("CONSUMED")).body("consumed", equalTo(25)).body("released", equalTo(15));
        List<Map<String, Object>> movements = ledger(stockId);
        assertThat(movements).extracting(m -> m.get("type")).containsExactly("RECEIPT", "ALLOCATION", "ISSUE");
        assertThat(movements.get(2).get("quantity_change")).isEqualTo(15);
        assertThat(movements.get(2).get("consumed")).isEqualTo(25);
        assertThat(movements.get(2).get("level_after")).isEqualTo(75);
        // Issued is closed: a release changes nothing, another issue neither.
        post(PRODUCTION, "/api/stock/allocations/" + allocationId + "/release", "").then().statusCode(200)
                .body("status", equalTo("CONSUMED"));
        assertLevels(stockId, 75, 0, 75);
    }

    @Test
    void aFullIssueWithoutQuantityConsumesAllAndAReleasedAllocationCannotBeIssued() {
        String product = unique("board"), client = unique("client");
        String stockId = receive(product, client, 10);
        String issued = allocate(PRODUCTION, product, client, 4).then().statusCode(201).extract().path("id");
        String released = allocate(PRODUCTION, product, client, 3).then().statusCode(201).extract().path("id");

        post(MANAGER, "/api/stock/issues", Map.of("allocation_id", issued)).then().statusCode(200)
                .body("status", equalTo("CONSUMED")).body("consumed", equalTo(4)).body("released", equalTo(0))
                .body("quantity_on_hand_after", equalTo(3));
        post(PRODUCTION, "/api/stock/allocations/" + released + "/release", "").then().statusCode(200);
        post(PRODUCTION, "/api/stock/issues", Map.of("allocation_id", released)).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ALLOCATION_CLOSED"));
        post(PRODUCTION, "/api/stock/issues", Map.of("allocation_id", issued, "quantity", 5)).then().statusCode(400)
                .contentType("application/problem+json");
        post(PRODUCTION, "/api/stock/issues", Map.of("allocation_id", "no-such")).then().statusCode(404);
        post(PRODUCTION, "/api/stock/issues", Map.of("allocation_id", issued, "quantity", -1)).then().statusCode(400);
        assertLevels(stockId, 6, 0, 6);
    }

    @Test
    void anAllocationReleasedAndIssuedAtOnceIsClosedExactlyOnce() {
        String product = unique("board"), client = unique("client");
        String stockId = receive(product, client, 50);
        String allocationId = allocate(PRODUCTION, product, client, 20).then().statusCode(201).extract().path("id");

        Concurrently.run(16, i -> () -> i % 2 == 0
                ? post(PRODUCTION, "/api/stock/allocations/" + allocationId + "/release", "").statusCode()
                : post(PRODUCTION, "/api/stock/issues", Map.of("allocation_id", allocationId, "quantity", 5)).statusCode());

        String status = given().auth().oauth2(PRODUCTION).when().get("/api/stock/allocations/" + allocationId)
                .then().statusCode(200).extract().path("status");
        if (status.equals("RELEASED")) {
            assertLevels(stockId, 50, 0, 50);
        } else {
            assertThat(status).isEqualTo("CONSUMED");
            assertLevels(stockId, 45, 0, 45);
        }
        assertThat(ledger(stockId)).hasSize(3);
    }

    /**
     * 64 requests at once on one record, round after round: new allocations of random sizes, and releases and
     * (partial) issues of the open ones, several racing for the same allocation. After every round the level is
     * never below zero, physical = available + allocated, and both agree with what was granted, released and
     * consumed; at the end the ledger sums to the level and every allocation was closed at most once.
     */
    @Test
    void sixtyFourConcurrentAllocationsReleasesAndIssuesKeepEveryInvariant() {
        String product = unique("hot"), client = unique("client");
        long initial = 3_000;
        String stockId = receive(product, client, initial);
        Random random = new Random(17);
        Map<String, Long> open = new HashMap<>();
        long consumedTotal = 0;
        for (int round = 0; round < 8; round++) {
            List<String> candidates = new ArrayList<>(open.keySet());
            long[] sizes = random.longs(64, 1, 80).toArray();
            int[] kind = random.ints(64, 0, 3).toArray();
            int[] pick = random.ints(64, 0, Math.max(1, candidates.size())).toArray();
            long[] used = random.longs(64, 0, 80).toArray();
            List<Response> responses = Concurrently.run(64, i -> () -> {
                if (candidates.isEmpty() || kind[i] == 0) {
                    return allocate(PRODUCTION, product, client, sizes[i]);
                }
                String id = candidates.get(pick[i]);
                if (kind[i] == 1) {
                    return post(PRODUCTION, "/api/stock/allocations/" + id + "/release", "");
                }
                return post(PRODUCTION, "/api/stock/issues", Map.of("allocation_id", id,
                        "quantity", Math.min(used[i], open.get(id))));
            });
            for (int i = 0; i < 64; i++) {
                Response r = responses.get(i);
                if (candidates.isEmpty() || kind[i] == 0) {
                    assertThat(r.statusCode()).isIn(201, 409);
                    if (r.statusCode() == 201) {
                        open.put(r.jsonPath().getString("id"), sizes[i]);
                        assertThat(r.jsonPath().getLong("quantity_on_hand_after")).isNotNegative();
                    }
                } else {
                    assertThat(r.statusCode()).isIn(200, 409);
                }
            }
            for (String id : candidates) {
                JsonPath allocation = given().auth().oauth2(PRODUCTION).when().get("/api/stock/allocations/" + id)
                        .then().statusCode(200).extract().jsonPath();
                switch (allocation.getString("status")) {
                    case "ALLOCATED" -> { }
                    case "RELEASED" -> open.remove(id);
                    case "CONSUMED" -> {
                        open.remove(id);
                        consumedTotal += allocation.getLong("consumed");
                    }
                    default -> throw new AssertionError("left half-closed: " + allocation.getString("status"));
                }
            }
            long allocated = open.values().stream().mapToLong(Long::longValue).sum();
            long physical = initial - consumedTotal;
            assertLevels(stockId, physical, allocated, physical - allocated);
        }

        long allocated = open.values().stream().mapToLong(Long::longValue).sum();
        List<Map<String, Object>> movements = ledger(stockId);
        assertThat(movements.stream().mapToLong(m -> ((Number) m.get("quantity_change")).longValue()).sum())
                .isEqualTo(initial - consumedTotal - allocated);
        assertThat(movements.stream().filter(m -> "ISSUE".equals(m.get("type")))
                .mapToLong(m -> ((Number) m.get("consumed")).longValue()).sum()).isEqualTo(consumedTotal);
        assertThat(movements).allSatisfy(m -> assertThat(((Number) m.get("level_after")).longValue()).isNotNegative());
        assertThat(movements).extracting(m -> ((Number) m.get("seq")).longValue())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, movements.size()).boxed().toList());
        Set<Object> closed = new HashSet<>();
        movements.stream().filter(m -> "RELEASE".equals(m.get("type")) || "ISSUE".equals(m.get("type")))
                .forEach(m -> assertThat(closed.add(m.get("allocation_id"))).as("closed once: " + m.get("allocation_id")).isTrue());
    }

    static void assertLevels(String stockId, long physical, long allocated, long available) {
        JsonPath stock = given().auth().oauth2(PRODUCTION).when().get("/api/stock/" + stockId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(stock.getLong("available")).isNotNegative();
        assertThat(List.of(stock.getLong("physical"), stock.getLong("allocated"), stock.getLong("available"),
                stock.getLong("quantity_on_hand"))).containsExactly(physical, allocated, available, available);
    }
}
