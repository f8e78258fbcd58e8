package com.misty.systemtest.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole ledger of one stock record, read through the gateway, and the invariants a fault must not break. */
final class StockLedger {

    private final String stockId;
    private final long quantityOnHand;
    private final List<JsonNode> movements;

    private StockLedger(String stockId, long quantityOnHand, List<JsonNode> movements) {
        this.stockId = stockId;
        this.quantityOnHand = quantityOnHand;
        this.movements = movements;
    }

    static StockLedger read(Session reader, String stockId) {
        long onHand = OrderSagaFixture.readAfterRecovery(reader, "/api/stock/" + stockId).get("quantity_on_hand").asLong();
        List<JsonNode> movements = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = OrderSagaFixture.readAfterRecovery(reader,
                    "/api/stock/" + stockId + "/movements?after_seq=" + after + "&limit=100");
            page.get("items").forEach(movements::add);
            JsonNode next = page.get("next_after_seq");
            if (next == null || next.isNull() || page.get("items").isEmpty()) {
                return new StockLedger(stockId, onHand, movements);
            }
            after = next.asLong();
        }
    }

    /**
     * The ledger is a gapless sequence whose levels follow from its changes and never go below zero; the level
     * on hand = receipts − allocations + releases; and each order holds exactly what {@code expectedHeld} says,
     * by one ALLOCATION movement per line (plus one RELEASE if the saga undid it) — never a second one.
     */
    void assertReconciles(long received, Map<String, Long> expectedHeld) {
        long level = 0;
        long receipts = 0;
        long allocations = 0;
        long releases = 0;
        Map<String, Long> held = new HashMap<>();
        Map<String, Integer> allocationCount = new HashMap<>();
        Map<String, Integer> releaseCount = new HashMap<>();
        for (int i = 0; i < movements.size(); i++) {
            JsonNode movement = movements.get(i);
            assertThat(movement.get("seq").asLong()).as("ledger of %s is gapless at %s", stockId, movement).isEqualTo(i + 1);
            long change = movement.get("quantity_change").asLong();
            level += change;
            assertThat(movement.get("level_after").asLong()).as("level after %s", movement).isEqualTo(level);
            assertThat(level).as("level never below zero").isNotNegative();
            String type = movement.get("type").asText();
            switch (type) {
                case "RECEIPT" -> receipts += change;
                case "ALLOCATION" -> allocations += -change;
                case "RELEASE" -> releases += change;
                default -> throw new AssertionError("unexpected movement in a fault test's ledger: " + movement);
            }
            JsonNode order = movement.get("order_id");
            if (order != null && !order.isNull()) {
                String orderId = order.asText();
                held.merge(orderId, -change, Long::sum);
                if (type.equals("ALLOCATION")) {
                    allocationCount.merge(orderId, 1, Integer::sum);
                } else if (type.equals("RELEASE")) {
                    releaseCount.merge(orderId, 1, Integer::sum);
                }
            }
        }
        assertThat(receipts).as("receipts of %s", stockId).isEqualTo(received);
        assertThat(quantityOnHand).as("on hand of %s = receipts − allocations + releases", stockId)
                .isEqualTo(level).isEqualTo(receipts - allocations + releases);
        assertThat(held.keySet()).as("the ledger of %s moves stock only for known orders", stockId)
                .isSubsetOf(expectedHeld.keySet());
        for (Map.Entry<String, Long> expected : expectedHeld.entrySet()) {
            String orderId = expected.getKey();
            assertThat(held.getOrDefault(orderId, 0L)).as("quantity of %s held for order %s", stockId, orderId)
                    .isEqualTo(expected.getValue());
            int allocated = allocationCount.getOrDefault(orderId, 0);
            int released = releaseCount.getOrDefault(orderId, 0);
            if (expected.getValue() > 0) {
                assertThat(allocated).as("allocations of order %s on %s", orderId, stockId).isEqualTo(1);
                assertThat(released).as("releases of order %s on %s", orderId, stockId).isZero();
            } else {
                assertThat(allocated).as("allocations of rejected order %s on %s", orderId, stockId).isLessThanOrEqualTo(1);
                assertThat(released).as("undos of rejected order %s on %s", orderId, stockId).isEqualTo(allocated);
            }
        }
    }

    int size() {
        return movements.size();
    }
}
