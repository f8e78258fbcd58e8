package com.misty.systemtest.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.suite.LocalSuite;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Response;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import com.misty.systemtest.SuiteClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MongoDB goes away and comes back: meanwhile every service that keeps data reports not ready (503) and
 * requests through the gateway get a problem+json 5xx, not a hang; afterwards the services are ready again and
 * serve requests without anyone restarting them, and what was written before is still there.
 */
@Order(102)
class MongoStandInRestartTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final RunningSuite suite = RunningSuite.get();

    /** A request sent while MongoDB is down, with how long its answer took. */
    record TimedAnswer(String request, int status, boolean problem, long millis) {
    }

    @Test
    void servicesReportNotReadyWhileMongoIsDownAndRecoverByThemselves() {
        OrderSagaFixture fixture = OrderSagaFixture.create(suite, "mongo-restart");
        Session clerk = fixture.manager();
        String orderId = OrderSagaFixture.slowStart(() -> fixture.placeOrder(0).expect(201)).field("id").asText();
        JsonNode orderBefore = awaitFinal(fixture, orderId);
        long onHandBefore = OrderSagaFixture.readAfterRecovery(clerk, "/api/stock/" + fixture.stockId(0))
                .get("quantity_on_hand").asLong();
        // While MongoDB is down a Session could not refresh (auth-service needs it), so take a fresh token now.
        OrderSagaFixture.slowStart(() -> {
            clerk.refresh();
            return clerk;
        });
        String token = clerk.accessToken();

        Map<String, Duration> notReadyAfter = new ConcurrentSkipListMap<>();
        Map<String, Duration> readyAgainAfter = new LinkedHashMap<>();
        List<TimedAnswer> whileDown;
        ExecutorService together = Executors.newFixedThreadPool(SuiteProcesses.DATA_SERVICES.size() + 5);
        try {
            // A clean stop (SIGTERM): the H2-backed stand-in flushes on shutdown but may lose its last second of
            // writes to a SIGKILL, which a real mongod (journaled) would not; a crash would test the stand-in, not us.
            suite.processes().stop(LocalSuite.MONGODB);
            List<CompletableFuture<Void>> probes = SuiteProcesses.DATA_SERVICES.stream().map(service ->
                    CompletableFuture.runAsync(() -> notReadyAfter.put(service,
                            SuiteProcesses.awaitReadiness(suite, service, 503, DEADLINE)), together)).toList();
            whileDown = sendTogether(together, List.of(
                    () -> timed("GET order", token, "GET", "/api/orders/" + orderId, null),
                    () -> timed("POST order", token, "POST", "/api/orders", SuiteClient.json(Map.of(
                            "client_id", fixture.clientId(), "lines", List.of(Map.of("product_id", "p", "quantity", 1))))),
                    () -> timed("GET stock", token, "GET", "/api/stock/" + fixture.stockId(0), null),
                    () -> timed("GET me", token, "GET", "/api/auth/me", null),
                    () -> timed("POST login", null, "POST", "/api/auth/login",
                            SuiteClient.json(Map.of("username", clerk.username(), "password", clerk.password())))));
            probes.forEach(CompletableFuture::join);
            suite.processes().restart(LocalSuite.MONGODB);
            for (String service : SuiteProcesses.DATA_SERVICES) {
                readyAgainAfter.put(service, SuiteProcesses.awaitReadiness(suite, service, 200, DEADLINE));
            }
        } finally {
            together.shutdownNow();
            SuiteProcesses.restoreEverything(suite);
        }
        SuiteProcesses.observe("MongoDB stopped: readiness 503 after %s; answers through the gateway %s; "
                + "after the restart ready again after %s", notReadyAfter, whileDown, readyAgainAfter);

        assertThat(whileDown).as("answers while MongoDB is down").allSatisfy(answer ->
                assertThat(answer.status() >= 500 && answer.status() < 600 && answer.problem()).as("%s", answer).isTrue());

        JsonNode orderAfter = OrderSagaFixture.readAfterRecovery(clerk, "/api/orders/" + orderId);
        assertThat(orderAfter).as("the order written before the outage").isEqualTo(orderBefore);
        assertThat(OrderSagaFixture.readAfterRecovery(fixture.manager(), "/api/stock/" + fixture.stockId(0))
                .get("quantity_on_hand").asLong())
                .as("stock written before the outage").isEqualTo(onHandBefore);
        OrderSagaFixture.slowStart(() -> Accounts.newUser(suite, OrderSagaFixture.admin(suite), "employee"));
        String newOrder = OrderSagaFixture.slowStart(() -> fixture.placeOrder(1).expect(201)).field("id").asText();
        assertThat(awaitFinal(fixture, newOrder).get("status").asText())
                .as("the saga runs again after MongoDB came back").isEqualTo("CONFIRMED");
    }

    private static JsonNode awaitFinal(OrderSagaFixture fixture, String orderId) {
        JsonNode order = fixture.awaitAllFinal(DEADLINE).get(orderId);
        assertThat(order.get("status").asText()).as("%s", order).isIn(OrderSagaFixture.FINAL_STATES);
        return OrderSagaFixture.readAfterRecovery(fixture.manager(), "/api/orders/" + orderId);
    }

    private TimedAnswer timed(String name, String token, String method, String path, String body) {
        Instant started = Instant.now();
        Response answer = suite.client().send(method, path, token, body, Map.of());
        return new TimedAnswer(name, answer.status(), answer.isProblem(), Duration.between(started, Instant.now()).toMillis());
    }

    private static List<TimedAnswer> sendTogether(ExecutorService threads, List<Supplier<TimedAnswer>> requests) {
        List<CompletableFuture<TimedAnswer>> answers = requests.stream()
                .map(request -> CompletableFuture.supplyAsync(request, threads)).toList();
        return answers.stream().map(CompletableFuture::join).toList();
    }
}
