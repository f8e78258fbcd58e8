package com.misty.inventory.rest;

import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.misty.inventory.rest.StockApi.PRODUCTION;
import static com.misty.inventory.rest.StockApi.allocate;
import static com.misty.inventory.rest.StockApi.ledger;
import static com.misty.inventory.rest.StockApi.level;
import static com.misty.inventory.rest.StockApi.receive;
import static com.misty.inventory.rest.StockApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Allocation can never oversell, however many requests race for one record. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class StockAllocationConcurrencyResourceTest {

    /** The original system's Test 1: stock 100, two users allocate 80 at once. */
    @Test
    void twoConcurrentAllocationsOf80FromStockOf100LeaveExactlyOneSuccessAnd20() {
        String product = unique("board"), client = unique("client");
        String stockId = receive(product, client, 100);

        List<Response> responses = Concurrently.run(2, i -> () -> allocate(PRODUCTION, product, client, 80));

        assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        Response refused = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("code")).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(refused.jsonPath().getString("detail")).isEqualTo("Insufficient stock or concurrent allocation occurred");
        Response granted = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
        assertThat(granted.jsonPath().getLong("quantity_on_hand_after")).isEqualTo(20);
        assertThat(level(stockId)).isEqualTo(20);
    }

    /**
     * 64 allocations of random sizes race for one record, round after round: the level never goes below zero,
     * ends at the initial level minus what was granted, and the ledger tells the same story.
     */
    @Test
    void sixtyFourConcurrentRandomAllocationsPerRoundNeverOversell() {
        String product = unique("hot"), client = unique("client");
        long initial = 12_000;
        String stockId = receive(product, client, initial);
        Random random = new Random(42);
        long granted = 0;
        int successes = 0;
        int refusals = 0;
        for (int round = 0; round < 10; round++) {
            long[] sizes = random.longs(64, 1, 60).toArray();
            List<Response> responses = Concurrently.run(64, i -> () -> allocate(PRODUCTION, product, client, sizes[i]));
            for (int i = 0; i < responses.size(); i++) {
                Response r = responses.get(i);
                assertThat(r.statusCode()).isIn(201, 409);
                if (r.statusCode() == 201) {
                    granted += sizes[i];
                    successes++;
                    assertThat(r.jsonPath().getLong("quantity_on_hand_after")).isGreaterThanOrEqualTo(0);
                } else {
                    refusals++;
                    assertThat(r.jsonPath().getString("code")).isEqualTo("INSUFFICIENT_STOCK");
                }
            }
            long now = level(stockId);
            assertThat(now).isGreaterThanOrEqualTo(0).isEqualTo(initial - granted);
        }

        assertThat(refusals).as("the stock ran out during the run, so some requests raced for too little").isPositive();
        List<Map<String, Object>> movements = ledger(stockId);
        assertThat(movements).hasSize(1 + successes);
        long ledgerSum = movements.stream().mapToLong(m -> ((Number) m.get("quantity_change")).longValue()).sum();
        assertThat(ledgerSum).isEqualTo(initial - granted);
        long allocatedInLedger = movements.stream().filter(m -> "ALLOCATION".equals(m.get("type")))
                .mapToLong(m -> -((Number) m.get("quantity_change")).longValue()).sum();
        assertThat(allocatedInLedger).isEqualTo(granted);
        assertThat(movements).allSatisfy(m -> assertThat(((Number) m.get("level_after")).longValue()).isNotNegative());
        assertThat(movements).extracting(m -> ((Number) m.get("seq")).longValue())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 1 + successes).boxed().toList());
    }
}
