package com.misty.systemtest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Clients;
import com.misty.systemtest.Response;
import com.misty.testkit.Concurrently;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order → stock saga under contention: many users place orders at once against two products with too little
 * stock for all of them. Every order ends CONFIRMED or REJECTED, a confirmed order holds exactly its lines, a
 * rejected one holds nothing (all or nothing), confirmed quantities never exceed the stock, and both ledgers
 * reconcile with the orders' outcome.
 */
@Order(25)
class OrderStockSagaNeverOverallocatesTest {

    private final PlanCrew crew = PlanCrew.get();

    @Test
    void concurrentOrdersAgainstLimitedStockAreConfirmedOrRejectedWholeAndNeverExceedTheStock() {
        String clientId = Clients.create(crew.production(0), "Plan client");
        List<String> products = List.of("plan-substrate-" + UUID.randomUUID(), "plan-substrate-" + UUID.randomUUID());
        long[] stock = {100, 60};
        List<String> stockIds = List.of(StockLedger.receive(crew.production(0), products.get(0), clientId, stock[0]),
                StockLedger.receive(crew.production(0), products.get(1), clientId, stock[1]));
        int orders = 3 * PlanCrew.USERS;
        Random random = new Random(11);
        List<List<PlanOrders.Line>> placed = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            List<PlanOrders.Line> lines = new ArrayList<>();
            lines.add(new PlanOrders.Line(products.get(0), 5 + random.nextInt(20)));
            if (i % 2 == 1) {
                lines.add(new PlanOrders.Line(products.get(1), 5 + random.nextInt(10)));
            }
            placed.add(lines);
        }

        List<Response> answers = Concurrently.run(orders,
                i -> () -> PlanOrders.place(crew.production(i), clientId, placed.get(i)));

        assertThat(answers).extracting(Response::status).containsOnly(201);
        List<JsonNode> outcomes = answers.stream()
                .map(a -> PlanOrders.settled(crew.production(0), a.field("id").asText())).toList();
        List<StockLedger.Totals> ledgers = stockIds.stream()
                .map(id -> StockLedger.reconcile(crew.production(0), id)).toList();
        long[] confirmed = {0, 0};
        int confirmedOrders = 0;
        for (int i = 0; i < orders; i++) {
            JsonNode order = outcomes.get(i);
            String orderId = order.get("id").asText();
            boolean isConfirmed = order.get("status").asText().equals("CONFIRMED");
            for (int p = 0; p < 2; p++) {
                int product = p;
                long ordered = placed.get(i).stream().filter(l -> l.productId().equals(products.get(product)))
                        .mapToLong(PlanOrders.Line::quantity).sum();
                long held = ledgers.get(p).netAllocatedFor(orderId);
                assertThat(held).as("order %s on product %d (%s)", orderId, p, order.get("status"))
                        .isEqualTo(isConfirmed ? ordered : 0);
                if (isConfirmed) {
                    confirmed[p] += ordered;
                }
            }
            if (isConfirmed) {
                confirmedOrders++;
                assertThat(order.get("allocations")).as("one allocation per line of %s", orderId)
                        .hasSize(placed.get(i).size());
            } else {
                assertThat(order.path("status_reason").asText()).as("why %s was rejected", orderId).isNotBlank();
            }
        }
        for (int p = 0; p < 2; p++) {
            assertThat(confirmed[p]).as("confirmed quantity of product %d never exceeds its stock", p)
                    .isLessThanOrEqualTo(stock[p]);
            assertThat(ledgers.get(p).onHand()).isEqualTo(stock[p] - confirmed[p]);
            assertThat(ledgers.get(p).receipts()).isEqualTo(stock[p]);
        }
        // At least 5 units per order on the first product: 24 orders cannot all fit into 100, the first always does.
        assertThat(confirmedOrders).isBetween(1, orders - 1);
        System.out.printf("[plan] saga: %d orders, %d confirmed, confirmed %d/%d and %d/%d units%n", orders,
                confirmedOrders, confirmed[0], stock[0], confirmed[1], stock[1]);
    }
}
