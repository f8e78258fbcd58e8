package com.misty.orders.saga;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.contracts.inventory.AllocatedLine;
import com.misty.contracts.inventory.StockAllocated;
import com.misty.contracts.inventory.StockAllocationRejected;
import com.misty.contracts.inventory.StockShortage;
import com.misty.contracts.orders.OrderRevised;
import com.misty.contracts.orders.OrderStatusChanged;
import com.misty.orders.InventoryAnswers;
import com.misty.orders.OrderApi;
import com.misty.platform.events.EventJson;
import com.misty.testkit.EmbeddedKafkaBroker;
import com.misty.testkit.EventProbe;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.ServiceMetrics;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.misty.orders.OrderApi.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The order→stock saga end to end: the service, the real broker, and a faithful double of inventory's side of
 * the contract ({@link InventoryDouble}), plus hand-made inventory events for duplicates and late answers.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class OrderSagaOrderSideTest {

    private static final Duration SAGA = Duration.ofSeconds(60);

    private static InventoryDouble inventory;
    private static InventoryAnswers answers;

    @Inject
    MongoClient mongo;

    private final OrderApi api = OrderApi.manager();

    @BeforeAll
    static void startInventory() {
        inventory = new InventoryDouble(MistyTestInfrastructure.kafkaBootstrapServers());
        answers = new InventoryAnswers(MistyTestInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void stopInventory() {
        inventory.close();
        answers.close();
    }

    @Test
    void stockOnHandConfirmsTheOrderAndAnnouncesEachStatus() {
        String client = client();
        inventory.stock(client, "P-1", 100);
        double confirmedBefore = answers("confirmed");
        String id = api.place(client, line("P-1", 40));

        awaitStatus(id, "CONFIRMED");
        assertThat(answers("confirmed")).as("misty_saga_answer_seconds_count of confirmed placements")
                .isEqualTo(confirmedBefore + 1);
        api.get(id).body("version", equalTo(2)).body("status_reason", nullValue())
                .body("allocations[0].quantity", equalTo(40));
        assertThat(inventory.onHand(client, "P-1")).isEqualTo(60);

        List<EventEnvelope> events = ordersEventsOf(id, list -> list.stream()
                .filter(e -> e.payload() instanceof OrderStatusChanged).count() >= 2);
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("OrderPlaced", "OrderStatusChanged", "OrderStatusChanged");
        OrderStatusChanged confirmed = (OrderStatusChanged) events.get(2).payload();
        assertThat(confirmed.status()).isEqualTo("CONFIRMED");
        assertThat(confirmed.version()).isEqualTo(2);
    }

    @Test
    void missingStockRejectsTheOrderNamingTheShortLinesAndHoldsNothing() {
        String client = client();
        inventory.stock(client, "P-1", 100);
        inventory.stock(client, "P-2", 5);
        double rejectedBefore = answers("rejected");
        String id = api.place(client, line("P-1", 10), line("P-2", 50));

        awaitStatus(id, "REJECTED");
        assertThat(answers("rejected")).as("misty_saga_answer_seconds_count of rejected placements")
                .isEqualTo(rejectedBefore + 1);
        api.get(id).body("status_reason", containsString("line 2 (product P-2) needs 50, 5 available"));
        assertThat(inventory.onHand(client, "P-1")).isEqualTo(100);
    }

    @Test
    void cancellingAConfirmedOrderReleasesItsStock() {
        String client = client();
        inventory.stock(client, "P-1", 100);
        String id = api.place(client, line("P-1", 30));
        awaitStatus(id, "CONFIRMED");

        api.cancel(id, "Client changed their mind").statusCode(200)
                .body("status", equalTo("CANCELLED")).body("status_reason", equalTo("Client changed their mind"));

        await().atMost(SAGA).until(() -> inventory.onHand(client, "P-1") == 100);
        assertThat(inventory.sentFor(id)).extracting(EventEnvelope::type).contains("StockReleased");
        assertThat(api.status(id)).isEqualTo("CANCELLED");
    }

    @Test
    void aLateAllocationNeverRevivesACancelledOrder() {
        String late = api.place(OrderApi.newClient(), line("P-1", 3));
        api.cancel(late, "Not needed").statusCode(200);
        long versionAfterCancel = api.version(late);

        answers.send(late, new StockAllocated(late, 0, List.of(new AllocatedLine(1, "P-1", "a-1", 3))));
        answers.send(late, new StockAllocationRejected(late, 0, List.of(new StockShortage(1, "P-1", 3, 0))));
        awaitProcessedUpTo(late);

        api.get(late).body("status", equalTo("CANCELLED")).body("status_reason", equalTo("Not needed"))
                .body("version", equalTo((int) versionAfterCancel));
    }

    @Test
    void duplicateAndContradictingAnswersChangeNothing() {
        String client = client();
        inventory.stock(client, "P-1", 100);
        String id = api.place(client, line("P-1", 10));
        awaitStatus(id, "CONFIRMED");
        EventEnvelope allocated = inventory.sentFor(id).get(0);

        answers.resend(allocated);
        answers.resend(allocated);
        answers.send(id, new StockAllocated(id, 0, List.of(new AllocatedLine(1, "P-1", "other", 10))));
        answers.send(id, new StockAllocationRejected(id, 0, List.of(new StockShortage(1, "P-1", 10, 0))));
        answers.send(id, new StockAllocated(id, 7, List.of()));
        awaitProcessedUpTo(id);

        api.get(id).body("status", equalTo("CONFIRMED")).body("version", equalTo(2))
                .body("status_reason", nullValue()).body("revision", equalTo(0))
                .body("allocations[0].allocation_id", equalTo(((StockAllocated) allocated.payload()).allocations().get(0).allocationId()));
    }

    @Test
    void aRevisionWithStockReplacesTheLines() {
        String client = client();
        inventory.stock(client, "P-1", 100);
        String id = api.place(client, line("P-1", 40));
        awaitStatus(id, "CONFIRMED");

        api.patch(id, Map.of("version", 2, "lines", List.of(line("P-1", 70)))).statusCode(200)
                .body("lines[0].quantity", equalTo(40))
                .body("pending_revision.revision", equalTo(1))
                .body("pending_revision.lines[0].quantity", equalTo(70))
                .body("version", equalTo(3));

        await().atMost(SAGA).untilAsserted(() -> api.get(id).statusCode(200).body("pending_revision", nullValue()));
        api.get(id).body("status", equalTo("CONFIRMED")).body("lines[0].quantity", equalTo(70))
                .body("revision", equalTo(1)).body("version", equalTo(4)).body("status_reason", nullValue());
        assertThat(inventory.onHand(client, "P-1")).isEqualTo(30);
        OrderRevised revised = (OrderRevised) ordersEventsOf(id, list -> list.stream()
                .anyMatch(e -> e.payload() instanceof OrderRevised)).stream()
                .filter(e -> e.payload() instanceof OrderRevised).findFirst().orElseThrow().payload();
        assertThat(revised.revision()).isEqualTo(1);
        assertThat(revised.clientId()).isEqualTo(client);
        assertThat(revised.lines().get(0).quantity()).isEqualTo(70);
    }

    @Test
    void aRevisionWithoutStockKeepsThePreviousLinesAndSaysWhy() {
        String client = client();
        inventory.stock(client, "P-1", 50);
        String id = api.place(client, line("P-1", 40));
        awaitStatus(id, "CONFIRMED");

        api.patch(id, Map.of("version", 2, "lines", List.of(line("P-1", 500)))).statusCode(200);
        await().atMost(SAGA).untilAsserted(() -> api.get(id).statusCode(200).body("pending_revision", nullValue()));
        api.get(id).body("status", equalTo("CONFIRMED")).body("lines[0].quantity", equalTo(40))
                .body("revision", equalTo(0))
                .body("status_reason", containsString("revision 1"))
                .body("status_reason", containsString("line 1 (product P-1)"));
        assertThat(inventory.onHand(client, "P-1")).isEqualTo(10);

        // The rejected revision's number is not reused; a smaller change goes through.
        long version = api.version(id);
        api.patch(id, Map.of("version", version, "lines", List.of(line("P-1", 45)))).statusCode(200)
                .body("pending_revision.revision", equalTo(2));
        await().atMost(SAGA).untilAsserted(() -> api.get(id).statusCode(200).body("pending_revision", nullValue()));
        api.get(id).body("lines[0].quantity", equalTo(45)).body("revision", equalTo(2)).body("status_reason", nullValue());
    }

    @Test
    void ordersPlacedWhileTheBrokerIsDownAreSavedAndConfirmedWhenItReturns() {
        String client = client();
        inventory.stock(client, "P-1", 1_000);
        EmbeddedKafkaBroker kafka = MistyTestInfrastructure.kafka();
        List<String> ids = new ArrayList<>();
        kafka.stop();
        try {
            for (int i = 0; i < 5; i++) {
                String id = api.place(client, line("P-1", 10 + i));
                ids.add(id);
                assertThat(api.status(id)).isEqualTo("PENDING_STOCK");
            }
            for (String id : ids) {
                Document stored = mongo.getDatabase("orders").getCollection("orders").find(Filters.eq("_id", id)).first();
                assertThat(stored.getList("outbox", Document.class)).extracting(d -> d.getString("type"))
                        .contains("OrderPlaced");
            }
        } finally {
            kafka.start();
        }
        long restarted = System.nanoTime();
        for (String id : ids) {
            awaitStatus(id, "CONFIRMED");
        }
        System.out.printf("[measure] broker back -> all %d orders CONFIRMED: %d ms%n", ids.size(),
                (System.nanoTime() - restarted) / 1_000_000);
        assertThat(inventory.onHand(client, "P-1")).isEqualTo(1_000 - (10 + 11 + 12 + 13 + 14));
        for (String id : ids) {
            Document stored = mongo.getDatabase("orders").getCollection("orders").find(Filters.eq("_id", id)).first();
            assertThat(stored.getList("outbox", Document.class)).isEmpty();
        }
    }

    /**
     * Waits until every inventory event sent so far under {@code key} has been consumed: a sentinel answer for
     * another (manual) order travels under the same key, i.e. on the same partition, behind them.
     */
    private void awaitProcessedUpTo(String key) {
        String sentinel = api.place(OrderApi.newClient(), line("P-9", 1));
        answers.send(key, new StockAllocated(sentinel, 0, List.of(new AllocatedLine(1, "P-9", "s-1", 1))));
        awaitStatus(sentinel, "CONFIRMED");
    }

    private void awaitStatus(String id, String status) {
        await().atMost(SAGA).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> api.get(id).statusCode(200).body("status", equalTo(status)));
    }

    private static List<EventEnvelope> ordersEventsOf(String orderId,
                                                      java.util.function.Predicate<List<EventEnvelope>> enough) {
        try (EventProbe probe = new EventProbe(MistyTestInfrastructure.kafkaBootstrapServers(), Topics.ORDERS_EVENTS)) {
            List<ConsumerRecord<String, String>> records = probe.pollUntil(
                    seen -> enough.test(eventsOf(seen, orderId)), SAGA);
            return eventsOf(records, orderId);
        }
    }

    private static List<EventEnvelope> eventsOf(List<ConsumerRecord<String, String>> records, String orderId) {
        return records.stream().filter(r -> orderId.equals(r.key()))
                .map(r -> EventJson.read(r.value()).envelope()).toList();
    }

    /** A new client whose orders the inventory double answers. */
    private static String client() {
        String client = OrderApi.newClient();
        inventory.serve(client);
        return client;
    }


    /** Placements answered with {@code outcome} so far, as operators see them on /q/metrics. */
    private static double answers(String outcome) {
        return ServiceMetrics.value("misty_saga_answer_seconds_count", "step", "placement", "outcome", outcome);
    }
}
