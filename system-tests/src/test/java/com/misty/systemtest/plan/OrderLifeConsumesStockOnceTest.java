package com.misty.systemtest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Clients;
import com.misty.systemtest.Response;
import com.misty.systemtest.Session;
import com.misty.testkit.Concurrently;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's whole life through both services: placed for a client, CONFIRMED by inventory, moved into production,
 * completed by 16 production leads at once (one succeeds; the others are told it is COMPLETED), and its stock
 * consumed exactly once in inventory (one ISSUE per line; line 1 used only in part, the rest back on hand), the order
 * showing when. Needs inventory-service's side of OrderCompleted → StockConsumed (the inventory branch).
 */
@Order(27)
class OrderLifeConsumesStockOnceTest {

    private final PlanCrew crew = PlanCrew.get();

    @Test
    void confirmedInProductionCompletedByManyAtOnceAndItsStockConsumedOnce() {
        Session lead = crew.production(0);
        String clientId = Clients.create(lead, "Life client");
        String first = "plan-life-a-" + UUID.randomUUID();
        String second = "plan-life-b-" + UUID.randomUUID();
        String firstStock = StockLedger.receive(lead, first, clientId, 100);
        String secondStock = StockLedger.receive(lead, second, clientId, 50);

        String orderId = PlanOrders.confirmed(lead, clientId, List.of(new PlanOrders.Line(first, 30),
                new PlanOrders.Line(second, 20))).get("id").asText();
        long version = PlanOrders.read(lead, orderId).get("version").asLong();
        lead.send("POST", "/api/orders/" + orderId + "/start-production", null, Map.of("If-Match", "\"" + version + "\""))
                .expect(200);

        List<Response> answers = Concurrently.run(16, i -> () -> crew.production(i % PlanCrew.USERS).post(
                "/api/orders/" + orderId + "/complete", Map.of("usage", List.of(Map.of("line", 1, "used", 25)))));

        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(15)
                .allSatisfy(a -> assertThat(a.field("current_status").asText()).isEqualTo("COMPLETED"));
        JsonNode order = Eventually.until("stock of order " + orderId + " consumed", () -> PlanOrders.read(lead, orderId),
                o -> o.hasNonNull("stock_consumed_at"));
        assertThat(order.get("status").asText()).isEqualTo("COMPLETED");

        StockLedger.Totals firstTotals = StockLedger.reconcile(lead, firstStock);
        StockLedger.Totals secondTotals = StockLedger.reconcile(lead, secondStock);
        assertThat(issues(firstTotals, orderId)).as("ISSUE entries of line 1").hasSize(1);
        assertThat(issues(secondTotals, orderId)).as("ISSUE entries of line 2").hasSize(1);
        assertThat(firstTotals.onHand()).as("line 1: 25 of 30 used, 5 back").isEqualTo(100 - 25);
        assertThat(secondTotals.onHand()).as("line 2 used in full").isEqualTo(50 - 20);
    }

    private static List<StockLedger.Movement> issues(StockLedger.Totals totals, String orderId) {
        return totals.movements().stream().filter(m -> "ISSUE".equals(m.type()) && orderId.equals(m.orderId())).toList();
    }
}
