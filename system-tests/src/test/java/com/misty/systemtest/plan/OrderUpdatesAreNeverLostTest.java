package com.misty.systemtest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Clients;
import com.misty.systemtest.Response;
import com.misty.systemtest.Session;
import com.misty.testkit.Concurrently;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Original Test 5 (two users edit the same order; the second save is refused) through the gateway, then many users
 * saving on the same version at once (exactly one wins, the others get 409, the version counts the wins), and many
 * users who re-read and retry until their change is in (no update is lost).
 */
@Order(23)
class OrderUpdatesAreNeverLostTest {

    private static final String MODIFIED = "Order was modified by another user. Please refresh and try again.";
    private static final int ROUNDS = Integer.getInteger("plan.rounds", 3);

    private final PlanCrew crew = PlanCrew.get();
    private final String clientId = Clients.create(crew.production(0), "Plan client");
    private final String productId = "plan-substrate-" + UUID.randomUUID();

    @Test
    void originalTest5TheSecondOfTwoEditorsIsToldTheOrderWasModifiedAndKeepsNothingLostAfterRefreshing() {
        StockLedger.receive(crew.production(0), productId, clientId, 10_000);
        Session userA = crew.production(0);
        Session userB = crew.production(1);
        String orderId = PlanOrders.confirmed(userA, clientId, List.of(new PlanOrders.Line(productId, 1000)))
                .get("id").asText();
        long seenByA = PlanOrders.read(userA, orderId).get("version").asLong();
        long seenByB = PlanOrders.read(userB, orderId).get("version").asLong();

        userA.patch("/api/orders/" + orderId, Map.of("version", seenByA,
                "lines", List.of(new PlanOrders.Line(productId, 5000).json()))).expect(200);
        Response refused = userB.patch("/api/orders/" + orderId, Map.of("version", seenByB,
                "contact_name", "B. Contact", "contact_phone", "+61 2 5550 0100"));

        refused.expect(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.field("code").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(refused.field("detail").asText()).isEqualTo(MODIFIED);
        assertThat(refused.field("current_version").asLong()).isGreaterThan(seenByB);
        // B refreshes and saves again (again if the stock saga changed the order meanwhile).
        saveOnFreshVersion(userB, orderId, Map.of("contact_name", "B. Contact", "contact_phone", "+61 2 5550 0100"));
        JsonNode order = PlanOrders.settled(userA, orderId);
        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.get("lines").get(0).get("quantity").asLong()).as("A's change").isEqualTo(5000);
        assertThat(order.get("contact_name").asText()).as("B's change").isEqualTo("B. Contact");
    }

    @Test
    void manyUsersSavingOnTheSameVersionExactlyOneWinsEachRoundAndTheVersionCountsTheWins() {
        StockLedger.receive(crew.production(0), productId, clientId, 100);
        List<Map<String, Object>> lines = List.of(new PlanOrders.Line(productId, 10).json());
        String orderId = PlanOrders.confirmed(crew.production(0), clientId, List.of(new PlanOrders.Line(productId, 10)))
                .get("id").asText();
        long initial = PlanOrders.read(crew.production(0), orderId).get("version").asLong();
        int users = 2 * PlanCrew.USERS;

        for (int round = 0; round < ROUNDS; round++) {
            long base = PlanOrders.read(crew.production(0), orderId).get("version").asLong();
            int current = round;
            // Half replace the order (PUT), half change one field (PATCH); the version in the body or as If-Match.
            List<Response> answers = Concurrently.run(users, i -> () -> {
                Session user = crew.production(i);
                String mark = "round " + current + " user " + i;
                Map<String, Object> body = new HashMap<>();
                body.put("notes", mark);
                if (i % 2 == 0) {
                    body.put("lines", lines);
                    body.put("contact_name", mark);
                }
                Map<String, String> headers = i % 4 < 2 ? Map.of("If-Match", "\"" + base + "\"") : Map.of();
                if (headers.isEmpty()) {
                    body.put("version", base);
                }
                return user.send(i % 2 == 0 ? "PUT" : "PATCH", "/api/orders/" + orderId, body, headers);
            });

            assertThat(answers).as("round %d", round).extracting(Response::status).containsOnlyOnce(200)
                    .containsOnly(200, 409);
            answers.stream().filter(a -> a.status() == 409).forEach(a -> {
                assertThat(a.field("code").asText()).isEqualTo("VERSION_CONFLICT");
                assertThat(a.field("detail").asText()).isEqualTo(MODIFIED);
            });
            JsonNode winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json();
            JsonNode stored = PlanOrders.read(crew.production(0), orderId);
            assertThat(stored.get("version").asLong()).isEqualTo(base + 1);
            assertThat(stored.get("notes").asText()).as("the winner's change is the one stored")
                    .isEqualTo(winner.get("notes").asText());
        }
        assertThat(PlanOrders.read(crew.production(0), orderId).get("version").asLong())
                .as("final version = initial + successful updates").isEqualTo(initial + ROUNDS);
    }

    @Test
    void manyUsersWhoRefreshAndRetryOnConflictAllGetTheirChangeInAndNoneIsLost() {
        StockLedger.receive(crew.production(0), productId, clientId, 100);
        String orderId = PlanOrders.confirmed(crew.production(0), clientId, List.of(new PlanOrders.Line(productId, 10)))
                .get("id").asText();
        long initial = PlanOrders.read(crew.production(0), orderId).get("version").asLong();
        int users = PlanCrew.USERS;

        // Each user appends their own mark to the notes: read, change, save with the version read; on 409 again.
        List<Integer> conflicts = Concurrently.run(users, i -> () -> {
            Session user = crew.production(i);
            int conflicted = 0;
            while (true) {
                JsonNode order = PlanOrders.read(user, orderId);
                String notes = order.path("notes").isNull() ? "" : order.path("notes").asText();
                Response saved = user.send("PATCH", "/api/orders/" + orderId, Map.of("notes", notes + "[user " + i + "]"),
                        Map.of("If-Match", "\"" + order.get("version").asLong() + "\""));
                if (saved.status() == 200) {
                    return conflicted;
                }
                saved.expect(409);
                assertThat(saved.field("code").asText()).isEqualTo("VERSION_CONFLICT");
                conflicted++;
            }
        });

        JsonNode order = PlanOrders.read(crew.production(0), orderId);
        for (int i = 0; i < users; i++) {
            String mark = "[user " + i + "]";
            assertThat(order.get("notes").asText().split(java.util.regex.Pattern.quote(mark), -1))
                    .as("%s appears exactly once", mark).hasSize(2);
        }
        assertThat(order.get("version").asLong()).as("one version per saved change").isEqualTo(initial + users);
        System.out.printf("[plan] orders: %d users retried %d times in all before their change was in%n", users,
                conflicts.stream().mapToInt(Integer::intValue).sum());
    }

    /** Re-reads and saves {@code changes} until a save is not overtaken by another change (a user pressing refresh). */
    private static void saveOnFreshVersion(Session user, String orderId, Map<String, Object> changes) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Map<String, Object> body = new HashMap<>(changes);
            body.put("version", PlanOrders.read(user, orderId).get("version").asLong());
            Response saved = user.patch("/api/orders/" + orderId, body);
            if (saved.status() == 200) {
                return;
            }
            saved.expect(409);
            assertThat(saved.field("code").asText()).isEqualTo("VERSION_CONFLICT");
            Eventually.pause(200);
        }
        throw new AssertionError("the change was overtaken 20 times in a row");
    }
}
