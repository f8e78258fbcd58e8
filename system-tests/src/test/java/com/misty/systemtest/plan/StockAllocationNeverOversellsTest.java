package com.misty.systemtest.plan;

import com.misty.systemtest.Response;
import com.misty.systemtest.Session;
import com.misty.testkit.Concurrently;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Original Test 1 (concurrent stock allocation) through the gateway with real users, then many users over several
 * rounds allocating, releasing and receiving on two records at once: stock never goes below zero and every record's
 * ledger reconciles (on hand = receipts − allocations + releases) with what the users were told.
 */
@Order(20)
class StockAllocationNeverOversellsTest {

    private static final String INSUFFICIENT = "Insufficient stock or concurrent allocation occurred";
    private static final int ROUNDS = Integer.getInteger("plan.rounds", 3);

    private final PlanCrew crew = PlanCrew.get();
    private final String clientId = "plan-client-" + UUID.randomUUID();

    @Test
    void originalTest1TwoUsersAllocate80OfTheSame100OneGetsInsufficientStockAnd20Remain() {
        String productId = "plan-substrate-" + UUID.randomUUID();
        String stockId = StockLedger.receive(crew.production(0), productId, clientId, 100);

        List<Response> answers = Concurrently.run(2, i -> () -> allocate(crew.production(i), productId, 80));

        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
        Response granted = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
        Response refused = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(granted.field("quantity_on_hand_after").asLong()).isEqualTo(20);
        assertThat(refused.isProblem()).as("%s", refused).isTrue();
        assertThat(refused.field("code").asText()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(refused.field("detail").asText()).isEqualTo(INSUFFICIENT);
        StockLedger.Totals totals = StockLedger.reconcile(crew.production(0), stockId);
        assertThat(totals.onHand()).as("20, not -60").isEqualTo(20);
        assertThat(totals.allocations()).isEqualTo(80);
        assertThat(totals.allocationEntries()).isEqualTo(1);
    }

    @Test
    void manyUsersOverManyRoundsNeverTakeStockBelowZeroAndEveryLedgerReconciles() {
        int users = 2 * PlanCrew.USERS;
        List<String> products = List.of("plan-substrate-" + UUID.randomUUID(), "plan-substrate-" + UUID.randomUUID());
        List<String> stockIds = products.stream().map(p -> StockLedger.receive(crew.production(0), p, clientId, 150)).toList();
        long[] receipts = {150, 150};
        long[] granted = {0, 0};
        long[] released = {0, 0};
        long[] grants = {0, 0};
        List<Deque<Held>> held = List.of(new ArrayDeque<>(), new ArrayDeque<>());
        int refusals = 0;
        Random random = new Random(7);

        for (int round = 0; round < ROUNDS; round++) {
            Step[] steps = new Step[users];
            for (int i = 0; i < users; i++) {
                int record = random.nextInt(2);
                int kind = random.nextInt(10);
                steps[i] = kind < 6 ? new Step(record, "allocate", 10 + random.nextInt(51), null)
                        : kind < 8 ? new Step(record, "receive", 20, null)
                        : new Step(record, "release", 0, held.get(record).poll());
            }
            // Two users release the same allocation at once: it must come back once.
            Held doubled = held.get(0).poll();
            if (doubled != null) {
                steps[0] = new Step(0, "release", 0, doubled);
                steps[1] = new Step(0, "release", 0, doubled);
            }

            List<Response> answers = Concurrently.run(users, i -> () -> act(crew.production(i), products, steps[i]));

            java.util.Set<String> releasedNow = new java.util.HashSet<>();
            for (int i = 0; i < users; i++) {
                Step step = steps[i];
                Response answer = answers.get(i);
                switch (step.kind()) {
                    case "allocate" -> {
                        if (answer.status() == 201) {
                            assertThat(answer.field("quantity_on_hand_after").asLong()).isGreaterThanOrEqualTo(0);
                            granted[step.record()] += step.quantity();
                            grants[step.record()]++;
                            held.get(step.record()).add(new Held(answer.field("id").asText(), step.quantity()));
                        } else {
                            answer.expect(409);
                            assertThat(answer.field("code").asText()).isEqualTo("INSUFFICIENT_STOCK");
                            assertThat(answer.field("detail").asText()).isEqualTo(INSUFFICIENT);
                            refusals++;
                        }
                    }
                    case "receive" -> {
                        answer.expect(200);
                        receipts[step.record()] += step.quantity();
                    }
                    default -> {
                        if (step.held() == null) {
                            continue;
                        }
                        answer.expect(200);
                        assertThat(answer.field("status").asText()).isEqualTo("RELEASED");
                        if (releasedNow.add(step.held().id())) {
                            released[step.record()] += step.held().quantity();
                        }
                    }
                }
            }

            for (int r = 0; r < 2; r++) {
                StockLedger.Totals totals = StockLedger.reconcile(crew.production(0), stockIds.get(r));
                assertThat(totals.receipts()).as("round %d record %d receipts", round, r).isEqualTo(receipts[r]);
                assertThat(totals.allocations()).as("round %d record %d allocations", round, r).isEqualTo(granted[r]);
                assertThat(totals.allocationEntries()).as("one ledger entry per granted allocation").isEqualTo(grants[r]);
                assertThat(totals.releases()).as("round %d record %d releases, each once", round, r).isEqualTo(released[r]);
            }
        }
        System.out.printf("[plan] stock: %d rounds x %d users, %d allocations granted, %d refused%n",
                ROUNDS, users, grants[0] + grants[1], refusals);
    }

    private Response act(Session user, List<String> products, Step step) {
        return switch (step.kind()) {
            case "allocate" -> allocate(user, products.get(step.record()), step.quantity());
            case "receive" -> user.post("/api/stock/receipts", Map.of("product_id", products.get(step.record()),
                    "client_id", clientId, "quantity", step.quantity()));
            default -> step.held() == null ? user.get("/api/stock?client_id=" + clientId)
                    : user.post("/api/stock/allocations/" + step.held().id() + "/release", null);
        };
    }

    private Response allocate(Session user, String productId, long quantity) {
        return user.post("/api/stock/allocations", Map.of("product_id", productId, "client_id", clientId,
                "quantity", quantity));
    }

    private record Step(int record, String kind, long quantity, Held held) {
    }

    private record Held(String id, long quantity) {
    }
}
