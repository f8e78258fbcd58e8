package com.misty.orders.saga;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.contracts.inventory.AllocatedLine;
import com.misty.contracts.inventory.ConsumedLine;
import com.misty.contracts.inventory.StockAllocated;
import com.misty.contracts.inventory.StockConsumed;
import com.misty.contracts.orders.LineUsage;
import com.misty.contracts.orders.OrderCancelled;
import com.misty.contracts.orders.OrderCompleted;
import com.misty.contracts.orders.OrderStatusChanged;
import com.misty.contracts.orders.OrderUpdated;
import com.misty.orders.InventoryAnswers;
import com.misty.orders.OrderApi;
import com.misty.platform.events.EventJson;
import com.misty.testkit.Concurrently;
import com.misty.testkit.EventProbe;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.misty.orders.OrderApi.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The order's life after the stock saga, with the real broker: into production, completed (OrderCompleted once,
 * however many completions race), stock consumed once (StockConsumed delivered twice), cancelling in production.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class OrderProductionTest {

    private static final Duration SAGA = Duration.ofSeconds(60);
    private static final String PROBLEM = "application/problem+json";

    private static InventoryAnswers answers;
    private final OrderApi api = OrderApi.manager();
    private final OrderApi lead = OrderApi.as("lead-1", "production");

    @BeforeAll
    static void startAnswers() {
        answers = new InventoryAnswers(MistyTestInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void stopAnswers() {
        answers.close();
    }

    @Test
    void confirmedInProductionCompletedAndItsStockConsumedOnceEvenWhenTheAnswerArrivesTwice() {
        String id = confirmedOrder(line("P-1", 10), line("P-2", 4));
        lead.complete(id, Map.of()).statusCode(409).contentType(PROBLEM).body("code", equalTo("INVALID_STATE"))
                .body("current_status", equalTo("CONFIRMED"));

        lead.startProduction(id).statusCode(200).body("status", equalTo("IN_PRODUCTION")).body("version", equalTo(3));
        lead.patch(id, Map.of("version", 3, "lines", List.of(line("P-1", 11), line("P-2", 4)))).statusCode(409)
                .body("code", equalTo("LINES_FROZEN"));
        lead.patch(id, Map.of("version", 3, "notes", "rush")).statusCode(200).body("version", equalTo(4));
        lead.complete(id, Map.of("usage", List.of(Map.of("line", 3, "used", 1)))).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_USAGE"));
        lead.complete(id, Map.of("usage", List.of(Map.of("line", 1, "used", -1)))).statusCode(400).contentType(PROBLEM);
        api.get(id).body("status", equalTo("IN_PRODUCTION")).body("version", equalTo(4));

        lead.complete(id, Map.of("usage", List.of(Map.of("line", 1, "used", 8.5)))).statusCode(200)
                .body("status", equalTo("COMPLETED")).body("completed_at", notNullValue())
                .body("stock_consumed_at", nullValue()).body("version", equalTo(5));
        List<EventEnvelope> events = ordersEventsOf(id, list -> list.stream().anyMatch(e -> e.payload() instanceof OrderStatusChanged s
                && s.status().equals("COMPLETED")));
        List<OrderCompleted> completed = payloads(events, OrderCompleted.class);
        assertThat(completed).containsExactly(new OrderCompleted(id, api.get(id).extract().path("order_number"),
                List.of(new LineUsage(1, new BigDecimal("8.5")))));
        assertThat(events.get(events.size() - 1).actor()).isEqualTo("lead-1");

        StockConsumed consumed = new StockConsumed(id, List.of(
                new ConsumedLine(1, "P-1", "a-1", new BigDecimal("8.5"), new BigDecimal("1.5")),
                new ConsumedLine(2, "P-2", "a-2", new BigDecimal("4"), BigDecimal.ZERO)));
        EventEnvelope first = answers.send(id, consumed);
        await().atMost(SAGA).untilAsserted(() -> api.get(id).statusCode(200).body("stock_consumed_at", notNullValue()));
        String consumedAt = api.get(id).body("version", equalTo(6)).extract().path("stock_consumed_at");

        answers.resend(first);
        answers.send(id, consumed);
        awaitProcessedUpTo(id);
        api.get(id).body("version", equalTo(6)).body("stock_consumed_at", equalTo(consumedAt))
                .body("status", equalTo("COMPLETED"));
        Predicate<OrderUpdated> consumption = u -> u.changes().stream().anyMatch(c -> c.field().equals("stock_consumed_at"));
        List<EventEnvelope> after = ordersEventsOf(id, list -> list.stream()
                .anyMatch(e -> e.payload() instanceof OrderUpdated u && consumption.test(u)));
        assertThat(payloads(after, OrderUpdated.class).stream().filter(consumption)).hasSize(1)
                .allSatisfy(u -> assertThat(u.changes()).extracting(c -> c.field()).containsExactly("stock_consumed_at"));

        lead.cancel(id, "too late").statusCode(409).body("code", equalTo("ORDER_NOT_CANCELLABLE"));
        lead.startProduction(id).statusCode(409).body("code", equalTo("INVALID_STATE")).body("current_status", equalTo("COMPLETED"));
    }

    @Test
    void ofSixteenConcurrentCompletionsOneWinsTheRestAreToldTheOrderIsCompletedAndItIsAnnouncedOnce() {
        String id = confirmedOrder(line("P-1", 5));
        lead.startProduction(id).statusCode(200);

        List<ExtractableResponse<Response>> responses = Concurrently.run(16, i -> () ->
                OrderApi.as("lead-" + i, "production").complete(id, Map.of()).extract());

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(15).allSatisfy(r -> {
            assertThat(r.<String>path("code")).isEqualTo("INVALID_STATE");
            assertThat(r.<String>path("current_status")).isEqualTo("COMPLETED");
        });
        api.get(id).body("status", equalTo("COMPLETED")).body("version", equalTo(4));
        List<EventEnvelope> events = ordersEventsOf(id, list -> list.stream().anyMatch(e -> e.payload() instanceof OrderStatusChanged s
                && s.status().equals("COMPLETED")));
        assertThat(payloads(events, OrderCompleted.class)).hasSize(1);
        assertThat(payloads(events, OrderStatusChanged.class)).extracting(OrderStatusChanged::status)
                .containsExactly("PENDING_STOCK", "CONFIRMED", "IN_PRODUCTION", "COMPLETED");
    }

    @Test
    void ofSixteenConcurrentStartsOneMovesTheOrder() {
        String id = confirmedOrder(line("P-1", 5));

        List<ExtractableResponse<Response>> responses = Concurrently.run(16, i -> () ->
                OrderApi.as("lead-" + i, "production").startProduction(id).extract());

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(15)
                .allSatisfy(r -> assertThat(r.<String>path("current_status")).isEqualTo("IN_PRODUCTION"));
        api.get(id).body("status", equalTo("IN_PRODUCTION")).body("version", equalTo(3));
    }

    @Test
    void inProductionOnlyAManagerCancelsAndOnlyWhenConfirming() {
        String id = confirmedOrder(line("P-1", 5));
        lead.startProduction(id).statusCode(200);

        lead.cancel(id, "changed plans").statusCode(409).body("code", equalTo("MANAGER_CONFIRMATION_REQUIRED"));
        lead.cancel(id, Map.of("reason", "x", "confirm_in_production", true)).statusCode(403).contentType(PROBLEM);
        api.cancel(id, "manager without confirming").statusCode(409).body("code", equalTo("MANAGER_CONFIRMATION_REQUIRED"));
        api.get(id).body("status", equalTo("IN_PRODUCTION")).body("version", equalTo(3));

        api.cancel(id, Map.of("reason", "client withdrew", "confirm_in_production", true)).statusCode(200)
                .body("status", equalTo("CANCELLED")).body("status_reason", equalTo("client withdrew"));
        List<EventEnvelope> events = ordersEventsOf(id, list -> list.stream().anyMatch(e -> e.payload() instanceof OrderCancelled));
        assertThat(payloads(events, OrderCancelled.class)).hasSize(1);
        lead.complete(id, Map.of()).statusCode(409).body("code", equalTo("INVALID_STATE")).body("current_status", equalTo("CANCELLED"));
    }

    @Test
    void aPendingOrderCannotGoIntoProduction() {
        String id = api.place(OrderApi.newClient(), line("P-1", 5));
        lead.startProduction(id).statusCode(409).contentType(PROBLEM).body("code", equalTo("INVALID_STATE"))
                .body("current_status", equalTo("PENDING_STOCK"));
        OrderApi.as("emp-1", "employee").startProduction(id).statusCode(403);
        api.get(id).body("version", equalTo(1));
    }

    private String confirmedOrder(Map<String, Object>... lines) {
        String id = api.place(OrderApi.newClient(), lines);
        List<AllocatedLine> allocated = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            allocated.add(new AllocatedLine(i + 1, (String) lines[i].get("product_id"), "a-" + (i + 1),
                    ((Number) lines[i].get("quantity")).longValue()));
        }
        answers.send(id, new StockAllocated(id, 0, allocated));
        await().atMost(SAGA).untilAsserted(() -> api.get(id).statusCode(200).body("status", equalTo("CONFIRMED")));
        return id;
    }

    /** Waits until every inventory event sent so far under {@code key} was consumed (a sentinel on the same key). */
    private void awaitProcessedUpTo(String key) {
        String sentinel = api.place(OrderApi.newClient(), line("P-9", 1));
        answers.send(key, new StockAllocated(sentinel, 0, List.of(new AllocatedLine(1, "P-9", "s-1", 1))));
        await().atMost(SAGA).untilAsserted(() -> api.get(sentinel).statusCode(200).body("status", equalTo("CONFIRMED")));
    }

    private static <T> List<T> payloads(List<EventEnvelope> events, Class<T> type) {
        return events.stream().map(EventEnvelope::payload).filter(type::isInstance).map(type::cast).toList();
    }

    private static List<EventEnvelope> ordersEventsOf(String orderId, Predicate<List<EventEnvelope>> enough) {
        try (EventProbe probe = new EventProbe(MistyTestInfrastructure.kafkaBootstrapServers(), Topics.ORDERS_EVENTS)) {
            List<ConsumerRecord<String, String>> records = probe.pollUntil(seen -> enough.test(eventsOf(seen, orderId)), SAGA);
            return eventsOf(records, orderId);
        }
    }

    private static List<EventEnvelope> eventsOf(List<ConsumerRecord<String, String>> records, String orderId) {
        return records.stream().filter(r -> orderId.equals(r.key())).map(r -> EventJson.read(r.value()).envelope()).toList();
    }
}
