package com.misty.systemtest.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Clients;
import com.misty.systemtest.Response;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client's world for the saga fault tests: its own client id, two products with plenty of stock, a few
 * production users placing two-line orders through the gateway. Every fifth order asks for far more of the
 * second product than exists, so it must end REJECTED with its first line given back (the saga's undo path);
 * every other order must end CONFIRMED. Final states and the stock ledger are read back through the gateway.
 */
public final class OrderSagaFixture {

    static final long STOCK_PER_PRODUCT = 100_000;
    static final long FIRST_LINE_QUANTITY = 5;
    static final long SECOND_LINE_QUANTITY = 3;
    /** More than {@link #STOCK_PER_PRODUCT}: the second line of every fifth order cannot be allocated. */
    static final long IMPOSSIBLE_QUANTITY = 1_000_000;
    static final Set<String> FINAL_STATES = Set.of("CONFIRMED", "REJECTED");

    private static Session admin;

    private final Session manager;
    private final String clientId;
    private final String firstProduct;
    private final String secondProduct;
    private final Map<String, String> stockIds = new LinkedHashMap<>();

    private OrderSagaFixture(Session manager, String clientId) {
        this.manager = manager;
        this.clientId = clientId;
        this.firstProduct = clientId + "-substrate-a";
        this.secondProduct = clientId + "-substrate-b";
    }

    /**
     * A new client with stock of two products and one manager who places its orders (from several threads at
     * once; the gateway's per-user limit of 50 requests/s is far above what the fault tests send).
     */
    public static OrderSagaFixture create(RunningSuite suite, String name) {
        Session manager = slowStart(() -> Accounts.newUser(suite, admin(suite), "manager"));
        OrderSagaFixture fixture = new OrderSagaFixture(manager, slowStart(() -> Clients.create(manager, name)));
        fixture.receive(fixture.firstProduct);
        fixture.receive(fixture.secondProduct);
        return fixture;
    }

    /** One administrator session for all fault tests: every sign-in costs a bcrypt check on a busy machine. */
    static synchronized Session admin(RunningSuite suite) {
        if (admin == null) {
            admin = slowStart(suite::admin);
        }
        return admin;
    }

    /**
     * Set-up steps right after an earlier fault (or on a machine busy with other suites) may meet a gateway
     * timeout or an open circuit for a few seconds: retried for a while, as a user would; the faults themselves
     * are asserted elsewhere.
     */
    static <T> T slowStart(Supplier<T> step) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                return step.get();
            } catch (AssertionError e) {
                if (Instant.now().isAfter(giveUp) || !e.getMessage().matches("(?s).* -> 5\\d\\d .*")) {
                    throw e;
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void receive(String product) {
        Response receipt = slowStart(() -> manager.post("/api/stock/receipts", Map.of("product_id", product,
                "client_id", clientId, "quantity", STOCK_PER_PRODUCT, "reference", "fault-test receipt")).expect(200));
        stockIds.put(product, receipt.field("id").asText());
    }

    public Session manager() {
        return manager;
    }

    String clientId() {
        return clientId;
    }

    /** Whether the {@code n}-th order (0-based) of a burst is one that cannot be allocated. */
    static boolean impossible(int n) {
        return n % 5 == 4;
    }

    /** Places one order as the manager; the answer is returned as it is (a fault may make it a 5xx). */
    public Response placeOrder(int n) {
        long second = impossible(n) ? IMPOSSIBLE_QUANTITY : SECOND_LINE_QUANTITY;
        return manager.post("/api/orders", Map.of("client_id", clientId, "notes", "fault-test order " + n,
                "lines", List.of(Map.of("product_id", firstProduct, "quantity", FIRST_LINE_QUANTITY),
                        Map.of("product_id", secondProduct, "quantity", second))));
    }

    /** Every order of this client, by id (read through the gateway, all pages). */
    Map<String, JsonNode> allOrders() {
        Map<String, JsonNode> orders = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = readAfterRecovery(manager, "/api/orders?client_id=" + clientId + "&size=100&page=" + page);
            answer.get("items").forEach(order -> orders.put(order.get("id").asText(), order));
            if (answer.get("items").size() < 100) {
                return orders;
            }
        }
    }

    /**
     * Polls until every order of this client is CONFIRMED or REJECTED, or the deadline passes; returns the
     * orders as last read (the caller asserts on them, so a timeout names the orders still pending).
     */
    public Map<String, JsonNode> awaitAllFinal(Duration deadline) {
        Instant giveUp = Instant.now().plus(deadline);
        while (true) {
            Map<String, JsonNode> orders = allOrders();
            boolean allFinal = orders.values().stream().allMatch(o -> FINAL_STATES.contains(o.get("status").asText()));
            if (allFinal || Instant.now().isAfter(giveUp)) {
                return orders;
            }
            pause(Duration.ofMillis(500));
        }
    }

    /**
     * A read that may meet the tail of a fault: right after a service restarts, the gateway's circuit breaker can
     * still answer 503 for a few seconds (it lets one trial request through, then closes). Retries 5xx for a while.
     */
    static JsonNode readAfterRecovery(Session reader, String path) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Response answer = reader.get(path);
            if (answer.status() < 500 || Instant.now().isAfter(giveUp)) {
                return answer.expect(200).json();
            }
            pause(Duration.ofMillis(500));
        }
    }

    /** How many of this client's orders are still waiting for inventory's answer. */
    long pendingCount() {
        return allOrders().values().stream().filter(o -> !FINAL_STATES.contains(o.get("status").asText())).count();
    }

    /**
     * Nothing lost: every order answered 2xx exists and is final, and its final state is the one its lines call
     * for (every fifth REJECTED, the rest CONFIRMED with one allocation per line). Nothing applied twice: the
     * ledger of both products reconciles, and each order holds exactly its quantities (see {@link StockLedger}).
     */
    public void assertEverySagaCompletedOnce(Map<String, Integer> createdOrderNumbers, Map<String, JsonNode> finalOrders) {
        assertThat(finalOrders.keySet()).as("every order answered 2xx exists").containsAll(createdOrderNumbers.keySet());
        List<String> notFinal = finalOrders.values().stream()
                .filter(o -> !FINAL_STATES.contains(o.get("status").asText()))
                .map(o -> o.get("order_number").asText() + "=" + o.get("status").asText()).toList();
        assertThat(notFinal).as("orders not CONFIRMED/REJECTED before the deadline").isEmpty();

        Map<String, Long> expectedFirst = new HashMap<>();
        Map<String, Long> expectedSecond = new HashMap<>();
        for (JsonNode order : finalOrders.values()) {
            String id = order.get("id").asText();
            boolean cannotBeAllocated = secondLineQuantity(order) == IMPOSSIBLE_QUANTITY;
            String status = order.get("status").asText();
            assertThat(status).as("final state of %s", order).isEqualTo(cannotBeAllocated ? "REJECTED" : "CONFIRMED");
            if (!cannotBeAllocated) {
                assertThat(order.get("allocations")).as("allocations of %s", order).hasSize(2);
            }
            expectedFirst.put(id, cannotBeAllocated ? 0 : FIRST_LINE_QUANTITY);
            expectedSecond.put(id, cannotBeAllocated ? 0 : SECOND_LINE_QUANTITY);
        }
        StockLedger.read(manager, stockIds.get(firstProduct)).assertReconciles(STOCK_PER_PRODUCT, expectedFirst);
        StockLedger.read(manager, stockIds.get(secondProduct)).assertReconciles(STOCK_PER_PRODUCT, expectedSecond);
    }

    private long secondLineQuantity(JsonNode order) {
        for (JsonNode line : order.get("lines")) {
            if (line.get("product_id").asText().equals(secondProduct)) {
                return line.get("quantity").asLong();
            }
        }
        throw new AssertionError("order without a second line: " + order);
    }

    String stockId(int productIndex) {
        return stockIds.get(productIndex == 0 ? firstProduct : secondProduct);
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
