package com.misty.systemtest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Stock through the API: receipts, the record's level, and its ledger read back and reconciled. */
final class StockLedger {

    private StockLedger() {
    }

    /** One entry of a stock record's ledger as {@code GET /api/stock/{id}/movements} shows it. */
    record Movement(long seq, String type, long quantityChange, long levelAfter, String orderId) {
    }

    /** What the ledger adds up to; {@code onHand} is the record's own level read just before. */
    record Totals(long onHand, long receipts, long allocations, long releases, long allocationEntries,
                  List<Movement> movements) {

        long netAllocatedFor(String orderId) {
            return -movements.stream().filter(m -> orderId.equals(m.orderId())).mapToLong(Movement::quantityChange).sum();
        }
    }

    /** Receives {@code quantity} (creating the record on the first receipt) and returns the stock record's id. */
    static String receive(Session user, String productId, String clientId, long quantity) {
        return user.post("/api/stock/receipts", Map.of("product_id", productId, "client_id", clientId,
                "quantity", quantity, "reference", "system test")).expect(200).field("id").asText();
    }

    static long onHand(Session user, String stockId) {
        return user.get("/api/stock/" + stockId).expect(200).field("quantity_on_hand").asLong();
    }

    static List<Movement> movements(Session user, String stockId) {
        List<Movement> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = user.get("/api/stock/" + stockId + "/movements?after_seq=" + after + "&limit=100")
                    .expect(200).json();
            for (JsonNode m : page.get("items")) {
                all.add(new Movement(m.get("seq").asLong(), m.get("type").asText(), m.get("quantity_change").asLong(),
                        m.get("level_after").asLong(), m.hasNonNull("order_id") ? m.get("order_id").asText() : null));
            }
            JsonNode next = page.get("next_after_seq");
            if (next == null || next.isNull()) {
                return all;
            }
            after = next.asLong();
        }
    }

    /**
     * Reads the record and its whole ledger (with no movement in flight) and asserts that they agree: entries
     * numbered 1..n without gaps, every level after an entry = the level before + its change and never below
     * zero, and quantity on hand = receipts − allocations + releases = the last entry's level.
     */
    static Totals reconcile(Session user, String stockId) {
        long onHand = onHand(user, stockId);
        List<Movement> movements = movements(user, stockId);
        long level = 0;
        long receipts = 0;
        long allocations = 0;
        long releases = 0;
        long allocationEntries = 0;
        for (int i = 0; i < movements.size(); i++) {
            Movement m = movements.get(i);
            assertThat(m.seq()).as("ledger sequence of %s", stockId).isEqualTo(i + 1L);
            level += m.quantityChange();
            assertThat(m.levelAfter()).as("level after %s", m).isEqualTo(level).isGreaterThanOrEqualTo(0);
            switch (m.type()) {
                case "RECEIPT" -> receipts += m.quantityChange();
                case "ALLOCATION" -> {
                    allocations -= m.quantityChange();
                    allocationEntries++;
                }
                case "RELEASE" -> releases += m.quantityChange();
                // Issue to production: what was used leaves the stock with the allocation it came from; the change
                // to the available level is the unused rest going back, a release in these sums.
                case "ISSUE" -> releases += m.quantityChange();
                default -> throw new AssertionError("no adjustments are made in these tests: " + m);
            }
        }
        assertThat(onHand).as("stock %s is never below zero", stockId).isGreaterThanOrEqualTo(0);
        assertThat(onHand).as("stock %s: on hand = receipts - allocations + releases", stockId)
                .isEqualTo(receipts - allocations + releases)
                .isEqualTo(level);
        return new Totals(onHand, receipts, allocations, releases, allocationEntries, movements);
    }
}
