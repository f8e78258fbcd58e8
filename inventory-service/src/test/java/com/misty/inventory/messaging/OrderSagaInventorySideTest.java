package com.misty.inventory.messaging;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.contracts.inventory.AllocatedLine;
import com.misty.contracts.inventory.StockAllocated;
import com.misty.contracts.inventory.StockAllocationRejected;
import com.misty.contracts.inventory.StockLevelChanged;
import com.misty.contracts.inventory.StockReleased;
import com.misty.contracts.inventory.ConsumedLine;
import com.misty.contracts.inventory.StockConsumed;
import com.misty.contracts.orders.LineUsage;
import com.misty.contracts.orders.OrderCancelled;
import com.misty.contracts.orders.OrderCompleted;
import com.misty.contracts.orders.OrderLine;
import com.misty.contracts.orders.OrderPlaced;
import com.misty.contracts.orders.OrderRevised;
import com.misty.inventory.domain.AllocationSource;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.StockChange;
import com.misty.inventory.domain.saga.AllocationPlanner;
import com.misty.inventory.domain.saga.AttemptKind;
import com.misty.inventory.domain.saga.AttemptLease;
import com.misty.inventory.domain.saga.SagaStatus;
import com.misty.inventory.domain.saga.StepState;
import com.misty.inventory.domain.saga.OrderAllocation;
import com.misty.inventory.domain.saga.SagaAttempt;
import com.misty.inventory.domain.saga.TargetLine;
import com.misty.inventory.repository.OrderAllocationRepository;
import com.misty.inventory.repository.StockRepository;
import com.misty.platform.events.EventJson;
import com.misty.platform.events.ReceivedEvent;
import com.misty.testkit.EventProbe;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static com.misty.inventory.rest.StockApi.PRODUCTION;
import static com.misty.inventory.rest.StockApi.ledger;
import static com.misty.inventory.rest.StockApi.level;
import static com.misty.inventory.rest.StockApi.post;
import static com.misty.inventory.rest.StockApi.receive;
import static com.misty.inventory.rest.StockApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The allocation side of the order saga, driven through the real broker: order events in, answers out. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class OrderSagaInventorySideTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaProducer<String, String> producer;

    @Inject
    OrderAllocationRepository sagas;
    @Inject
    StockRepository stock;

    @BeforeAll
    static void producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MistyTestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void anOrderWhoseLinesAreAllInStockIsAllocatedWhole() {
        String client = unique("client"), board = unique("board"), film = unique("film"), order = unique("order");
        String boardStock = receive(board, client, 100);
        String filmStock = receive(film, client, 50);

        publish(placed(order, client, new OrderLine(1, board, 60), new OrderLine(2, film, 50)));

        StockAllocated allocated = awaitAnswer(order, StockAllocated.class);
        assertThat(allocated.revision()).isZero();
        assertThat(allocated.allocations()).extracting(AllocatedLine::line, AllocatedLine::productId, AllocatedLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, board, 60L), org.assertj.core.groups.Tuple.tuple(2, film, 50L));
        assertThat(level(boardStock)).isEqualTo(40);
        assertThat(level(filmStock)).isZero();
        String allocationId = allocated.allocations().get(0).allocationId();
        given().auth().oauth2(PRODUCTION).when().get("/api/stock/allocations/" + allocationId).then().statusCode(200)
                .body("order_id", equalTo(order)).body("line", equalTo(1)).body("status", equalTo("ALLOCATED"));
        // An order's allocation goes back only through the order (cancel or revise), not the API.
        post(PRODUCTION, "/api/stock/allocations/" + allocationId + "/release", "").then().statusCode(409)
                .body("code", equalTo("ORDER_ALLOCATION"));
        assertThat(level(boardStock)).isEqualTo(40);
    }

    @Test
    void aLineThatLacksStockRejectsTheOrderAndGivesBackWhatWasTaken() {
        String client = unique("client"), board = unique("board"), film = unique("film"), order = unique("order");
        String boardStock = receive(board, client, 100);
        String filmStock = receive(film, client, 10);

        publish(placed(order, client, new OrderLine(1, board, 60), new OrderLine(2, film, 11), new OrderLine(3, unique("none"), 1)));

        StockAllocationRejected rejected = awaitAnswer(order, StockAllocationRejected.class);
        assertThat(rejected.revision()).isZero();
        assertThat(rejected.shortages()).extracting(s -> s.line()).containsExactly(2, 3);
        assertThat(rejected.shortages().get(1).available()).isZero();
        assertThat(rejected.shortages().get(0).requested()).isEqualTo(11);
        assertThat(rejected.shortages().get(0).available()).isEqualTo(10);
        assertThat(level(boardStock)).isEqualTo(100);
        assertThat(level(filmStock)).isEqualTo(10);
        // The compensation is in the ledger: line 1 was taken, then given back.
        assertThat(ledger(boardStock)).extracting(m -> m.get("type")).containsExactly("RECEIPT", "ALLOCATION", "RELEASE");
        assertThat(ledger(filmStock)).hasSize(1);
    }

    @Test
    void anOrderPlacedDeliveredTwiceIsAllocatedOnce() {
        String client = unique("client"), board = unique("board"), order = unique("order");
        String boardStock = receive(board, client, 100);
        EventEnvelope event = placed(order, client, new OrderLine(1, board, 30));

        publish(event);
        publish(event);
        awaitAnswer(order, StockAllocated.class);
        // A later, distinct event for the order proves both copies were consumed before we count answers.
        publish(envelope(order, new OrderCancelled(order, "customer changed their mind")));
        awaitAnswer(order, StockReleased.class);

        assertThat(answers(order, StockAllocated.class)).hasSize(1);
        assertThat(ledger(boardStock)).extracting(m -> m.get("type")).containsExactly("RECEIPT", "ALLOCATION", "RELEASE");
        assertThat(level(boardStock)).isEqualTo(100);
    }

    @Test
    void cancellingReleasesTheOrdersStockOnceEvenIfTheCancellationArrivesTwice() {
        String client = unique("client"), board = unique("board"), film = unique("film"), order = unique("order");
        String boardStock = receive(board, client, 100);
        String filmStock = receive(film, client, 100);
        publish(placed(order, client, new OrderLine(1, board, 25), new OrderLine(2, film, 75)));
        StockAllocated allocated = awaitAnswer(order, StockAllocated.class);
        assertThat(level(boardStock)).isEqualTo(75);

        EventEnvelope cancel = envelope(order, new OrderCancelled(order, "no longer needed"));
        publish(cancel);
        publish(cancel);
        StockReleased released = awaitAnswer(order, StockReleased.class);
        // Revising a cancelled order changes nothing: the marker that both cancels were consumed.
        EventEnvelope lateRevision = envelope(order, new OrderRevised(order, client, 1, List.of(new OrderLine(1, board, 99))));
        publish(lateRevision);
        awaitProcessed(order, lateRevision);

        assertThat(released.allocationIds()).containsExactlyInAnyOrderElementsOf(
                allocated.allocations().stream().map(AllocatedLine::allocationId).toList());
        assertThat(answers(order, StockReleased.class)).hasSize(1);
        assertThat(level(boardStock)).isEqualTo(100);
        assertThat(level(filmStock)).isEqualTo(100);
        assertThat(ledger(boardStock)).extracting(m -> m.get("type")).containsExactly("RECEIPT", "ALLOCATION", "RELEASE");
    }

    @Test
    void aRevisionAllocatesIncreasesAndReleasesDecreasesOrNothingAtAll() {
        String client = unique("client"), board = unique("board"), film = unique("film"), ink = unique("ink");
        String order = unique("order");
        String boardStock = receive(board, client, 100);
        String filmStock = receive(film, client, 100);
        String inkStock = receive(ink, client, 5);
        publish(placed(order, client, new OrderLine(1, board, 50), new OrderLine(2, film, 50)));
        awaitAnswer(order, StockAllocated.class);

        // Line 1 up by 30, line 2 down by 40, line 3 new.
        publish(envelope(order, new OrderRevised(order, client, 1, List.of(
                new OrderLine(1, board, 80), new OrderLine(2, film, 10), new OrderLine(3, ink, 5)))));
        StockAllocated revised = awaitAnswer(order, StockAllocated.class, a -> a.revision() == 1);
        assertThat(revised.allocations()).extracting(AllocatedLine::line, AllocatedLine::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 80L), org.assertj.core.groups.Tuple.tuple(2, 10L),
                org.assertj.core.groups.Tuple.tuple(3, 5L));
        assertThat(level(boardStock)).isEqualTo(20);
        assertThat(level(filmStock)).isEqualTo(90);
        assertThat(level(inkStock)).isZero();

        // Revision 2 takes 10 more film (that works), then wants more board than there is: the film step is
        // undone, nothing of revision 2 remains, revision 1 stays allocated.
        publish(envelope(order, new OrderRevised(order, client, 2, List.of(
                new OrderLine(2, film, 20), new OrderLine(1, board, 101)))));
        StockAllocationRejected rejected = awaitAnswer(order, StockAllocationRejected.class, r -> r.revision() == 2);
        assertThat(rejected.shortages()).extracting(s -> s.line()).containsExactly(1);
        String line2Allocation = revised.allocations().get(1).allocationId();
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(PRODUCTION).when().get("/api/stock/allocations/" + line2Allocation).then()
                        .statusCode(200).body("status", equalTo("ALLOCATED")).body("quantity", equalTo(10)));
        assertThat(level(boardStock)).isEqualTo(20);
        assertThat(level(filmStock)).isEqualTo(90);
        assertThat(level(inkStock)).isZero();

        publish(envelope(order, new OrderCancelled(order, "done")));
        awaitAnswer(order, StockReleased.class);
        assertThat(level(boardStock)).isEqualTo(100);
        assertThat(level(filmStock)).isEqualTo(100);
        assertThat(level(inkStock)).isEqualTo(5);
    }

    /**
     * A crash after the first line's stock was taken but before that step was recorded: the redelivered event
     * resumes the stored attempt, finds line 1 already taken (by its allocation id) and takes line 2 only.
     */
    @Test
    void aRedeliveryAfterACrashBetweenTwoLinesResumesWithoutTakingTwice() {
        String client = unique("client"), board = unique("board"), film = unique("film"), order = unique("order");
        String boardStock = receive(board, client, 100);
        String filmStock = receive(film, client, 100);
        EventEnvelope event = placed(order, client, new OrderLine(1, board, 30), new OrderLine(2, film, 20));
        // What the crashed consumer left behind: the attempt stored (its lease run out since), line 1 taken,
        // nothing recorded after that.
        OrderAllocation saga = sagas.findOrCreate(order, client);
        SagaAttempt attempt = AllocationPlanner.plan(event.eventId().toString(), AttemptKind.PLACE, order, 0, List.of(),
                List.of(new TargetLine(1, board, 30), new TargetLine(2, film, 20)));
        assertThat(sagas.begin(saga, attempt, new AttemptLease("crashed-replica", Instant.now().minusSeconds(1), 1)))
                .isPresent();
        String line1 = AllocationPlanner.allocationId(order, 1, 0);
        assertThat(stock.openAllocation(board, client,
                MovementDraft.open(line1, 30, "order-saga", AllocationSource.ORDER_SAGA, order, 1)))
                .isInstanceOf(StockChange.Applied.class);

        publish(event);

        StockAllocated allocated = awaitAnswer(order, StockAllocated.class);
        assertThat(allocated.allocations()).extracting(AllocatedLine::allocationId).contains(line1);
        assertThat(level(boardStock)).isEqualTo(70);
        assertThat(level(filmStock)).isEqualTo(80);
        assertThat(ledger(boardStock)).hasSize(2);
    }

    /**
     * Two replicas and one attempt (after a consumer-group rebalance): while another replica's lease on the
     * attempt is live, this one takes no stock for it; once the lease has run out it takes the attempt over and
     * finishes it, and the stalled replica, waking up, can neither record a step nor decide any more (fenced out).
     */
    @Test
    void anAttemptLeasedByAnotherReplicaWaitsForItsLeaseAndThenFencesThatReplicaOut() {
        String client = unique("client"), board = unique("board"), order = unique("order");
        String boardStock = receive(board, client, 100);
        EventEnvelope event = placed(order, client, new OrderLine(1, board, 30));
        String eventId = event.eventId().toString();
        OrderAllocation saga = sagas.findOrCreate(order, client);
        SagaAttempt attempt = AllocationPlanner.plan(eventId, AttemptKind.PLACE, order, 0, List.of(),
                List.of(new TargetLine(1, board, 30)));
        Instant stalledUntil = Instant.now().plusSeconds(4);
        assertThat(sagas.begin(saga, attempt, new AttemptLease("stalled-replica", stalledUntil, 1))).isPresent();

        publish(event);

        // The event has arrived here (it is on the broker, and this service consumes it within moments), but the
        // stalled replica's lease is still live: nothing is taken for the order before it runs out.
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> Instant.now().isAfter(stalledUntil.minusMillis(1500)));
        assertThat(level(boardStock)).isEqualTo(100);
        assertThat(sagas.find(order).orElseThrow().lease().owner()).isEqualTo("stalled-replica");

        StockAllocated allocated = awaitAnswer(order, StockAllocated.class);
        assertThat(Instant.now()).isAfter(stalledUntil);
        assertThat(allocated.allocations()).hasSize(1);
        assertThat(level(boardStock)).isEqualTo(70);
        assertThat(sagas.find(order).orElseThrow().processed(eventId)).isTrue();

        // The stalled replica wakes up and goes on with what it had: both of its writes are refused.
        assertThat(sagas.recordStep(order, eventId, 1, attempt.steps().get(0).withState(StepState.DONE, 70),
                new Date())).isFalse();
        assertThat(sagas.decide(order, eventId, 1, SagaStatus.REJECTED, 0, List.of(), envelope(order,
                new StockAllocationRejected(order, 0, List.of())))).isFalse();
        assertThat(sagas.find(order).orElseThrow().status()).isEqualTo(SagaStatus.ALLOCATED);
        assertThat(answers(order, StockAllocationRejected.class)).isEmpty();
        assertThat(ledger(boardStock)).hasSize(2);
    }

    /** A take-over is decided on what was read: if the holder renewed its lease meanwhile, it is refused. */
    @Test
    void aTakeOverDecidedOnAStaleReadingIsRefused() {
        String client = unique("client"), board = unique("board"), order = unique("order");
        OrderAllocation fresh = sagas.findOrCreate(order, client);
        String eventId = UUID.randomUUID().toString();
        SagaAttempt attempt = AllocationPlanner.plan(eventId, AttemptKind.PLACE, order, 0, List.of(),
                List.of(new TargetLine(1, board, 30)));
        Instant now = Instant.now();
        assertThat(sagas.begin(fresh, attempt, new AttemptLease("holder", now.minusSeconds(1), 1))).isPresent();
        OrderAllocation read = sagas.find(order).orElseThrow();
        // The holder records a step meanwhile, renewing its lease under fence 1.
        assertThat(sagas.recordStep(order, eventId, 1, attempt.steps().get(0), Date.from(now.plusSeconds(30)))).isTrue();

        AttemptLease takenOver = read.lease().takenOverBy("successor", now, Duration.ofSeconds(10));
        assertThat(takenOver.fence()).isEqualTo(2);
        assertThat(sagas.takeOver(read, takenOver, Date.from(now))).isFalse();
        assertThat(sagas.find(order).orElseThrow().lease().owner()).isEqualTo("holder");

        // Once its renewed time is up, the same take-over (on a fresh reading) succeeds, and the holder is fenced out.
        OrderAllocation later = sagas.find(order).orElseThrow();
        Instant afterRenewal = now.plusSeconds(31);
        assertThat(sagas.takeOver(later, later.lease().takenOverBy("successor", afterRenewal, Duration.ofSeconds(10)),
                Date.from(afterRenewal))).isTrue();
        assertThat(sagas.recordStep(order, eventId, 1, attempt.steps().get(0), Date.from(afterRenewal))).isFalse();
        assertThat(sagas.recordStep(order, eventId, 2, attempt.steps().get(0), Date.from(afterRenewal))).isTrue();
    }

    /**
     * Production completed the order (delivered twice): each line's allocation is issued once, the used part
     * consumed and the rest released, and StockConsumed answers once with what each line consumed.
     */
    @Test
    void aCompletedOrderConsumesWhatWasUsedReleasesTheRestAndAnswersOnce() {
        String client = unique("client"), board = unique("board"), film = unique("film"), order = unique("order");
        String boardStock = receive(board, client, 100);
        String filmStock = receive(film, client, 50);
        publish(placed(order, client, new OrderLine(1, board, 60), new OrderLine(2, film, 20)));
        awaitAnswer(order, StockAllocated.class);

        EventEnvelope completed = envelope(order, new OrderCompleted(order, "ORD-" + order,
                List.of(new LineUsage(1, new java.math.BigDecimal("45")))));
        publish(completed);
        publish(completed);

        StockConsumed consumed = awaitAnswer(order, StockConsumed.class);
        assertThat(consumed.lines()).extracting(ConsumedLine::line, l -> l.consumed().longValueExact(),
                        l -> l.released().longValueExact())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 45L, 15L), org.assertj.core.groups.Tuple.tuple(2, 20L, 0L));
        awaitProcessed(order, completed);
        assertThat(level(boardStock)).isEqualTo(55);
        assertThat(level(filmStock)).isEqualTo(30);
        given().auth().oauth2(PRODUCTION).when().get("/api/stock/" + boardStock).then().statusCode(200)
                .body("physical", equalTo(55)).body("allocated", equalTo(0)).body("available", equalTo(55));
        assertThat(ledger(boardStock)).extracting(m -> m.get("type")).containsExactly("RECEIPT", "ALLOCATION", "ISSUE");
        // A second completion of the same order (another event) consumes nothing more and is not answered again.
        EventEnvelope again = envelope(order, new OrderCompleted(order, "ORD-" + order, List.of()));
        publish(again);
        awaitProcessed(order, again);
        assertThat(answers(order, StockConsumed.class)).hasSize(1);
        assertThat(level(boardStock)).isEqualTo(55);
        assertThat(ledger(filmStock)).hasSize(3);
    }

    /**
     * Order lines are whole numbers of the product's unit (the contract's {@code long}); for a product counted in
     * kilograms a line of 3 holds 3.000 kg of stock counted in grams, and production may report a decimal usage.
     */
    @Test
    void aLineOfAKilogramProductHoldsWholeKilogramsAndConsumesTheDecimalUsage() {
        String client = unique("client"), ink = unique("ink"), order = unique("order");
        post(com.misty.inventory.rest.StockApi.MANAGER, "/api/stock/products",
                java.util.Map.of("code", ink, "name", "Ink", "unit", "kilogram")).then().statusCode(201);
        String inkStock = post(PRODUCTION, "/api/stock/receipts", java.util.Map.of("product_id", ink, "client_id", client,
                "quantity", new java.math.BigDecimal("10.5"))).then().statusCode(200).extract().path("id");

        publish(placed(order, client, new OrderLine(1, ink, 3)));
        StockAllocated allocated = awaitAnswer(order, StockAllocated.class);
        assertThat(allocated.allocations()).extracting(AllocatedLine::quantity).containsExactly(3L);
        io.restassured.path.json.JsonPath held = given().auth().oauth2(PRODUCTION).when().get("/api/stock/" + inkStock)
                .then().statusCode(200).body("unit", equalTo("kilogram")).extract().jsonPath();
        assertThat(List.of(held.getDouble("available"), held.getDouble("allocated"))).containsExactly(7.5, 3.0);

        EventEnvelope completed = envelope(order, new OrderCompleted(order, "ORD-" + order,
                List.of(new LineUsage(1, new java.math.BigDecimal("2.25")))));
        publish(completed);
        StockConsumed consumed = awaitAnswer(order, StockConsumed.class);
        assertThat(consumed.lines()).singleElement().satisfies(line -> {
            assertThat(line.consumed()).isEqualByComparingTo("2.25");
            assertThat(line.released()).isEqualByComparingTo("0.75");
        });
        io.restassured.path.json.JsonPath after = given().auth().oauth2(PRODUCTION).when().get("/api/stock/" + inkStock)
                .then().statusCode(200).extract().jsonPath();
        assertThat(List.of(after.getDouble("physical"), after.getDouble("available"), after.getDouble("allocated")))
                .containsExactly(8.25, 8.25, 0.0);
    }

    /** A crash after line 1 was issued but before the answer: the redelivery issues line 2 only and answers. */
    @Test
    void aRedeliveredCompletionAfterACrashIssuesEachLineOnce() {
        String client = unique("client"), board = unique("board"), film = unique("film"), order = unique("order");
        String boardStock = receive(board, client, 100);
        String filmStock = receive(film, client, 100);
        publish(placed(order, client, new OrderLine(1, board, 30), new OrderLine(2, film, 20)));
        StockAllocated allocated = awaitAnswer(order, StockAllocated.class);
        String line1 = allocated.allocations().get(0).allocationId();
        // What the crashed consumer left behind: line 1's stock issued (all of it), nothing else written.
        assertThat(stock.issueAllocation(board, client,
                MovementDraft.issue(line1, 30, 30, "order-saga", AllocationSource.ORDER_SAGA, order, 1), 30,
                stock.memoryOf(board, client).orElseThrow()))
                .isInstanceOf(StockChange.Applied.class);

        publish(envelope(order, new OrderCompleted(order, "ORD-" + order, null)));

        StockConsumed consumed = awaitAnswer(order, StockConsumed.class);
        assertThat(consumed.lines()).extracting(l -> l.consumed().longValueExact()).containsExactly(30L, 20L);
        assertThat(level(boardStock)).isEqualTo(70);
        assertThat(level(filmStock)).isEqualTo(80);
        given().auth().oauth2(PRODUCTION).when().get("/api/stock/" + boardStock).then()
                .body("physical", equalTo(70)).body("allocated", equalTo(0));
        assertThat(ledger(boardStock)).extracting(m -> m.get("type")).containsExactly("RECEIPT", "ALLOCATION", "ISSUE");
    }

    @Test
    void everyLevelChangeIsAnnouncedWithTheLevelAfterItOnItsOwnTopic() {
        String client = unique("client"), board = unique("board");
        String stockId = receive(board, client, 10);
        com.misty.inventory.rest.StockApi.allocate(PRODUCTION, board, client, 4).then().statusCode(201);

        // Not on inventory.events: a burst of level changes must not queue ahead of the saga's answers there.
        try (EventProbe probe = new EventProbe(MistyTestInfrastructure.kafkaBootstrapServers(), Topics.INVENTORY_STOCK_LEVELS)) {
            List<StockLevelChanged> changes = probe.pollUntil(records -> levelChanges(records, stockId).size() >= 2, WAIT)
                    .stream().map(r -> EventJson.read(r.value())).filter(e -> e.is(StockLevelChanged.class))
                    .map(e -> e.payloadAs(StockLevelChanged.class)).filter(c -> c.stockId().equals(stockId)).toList();
            assertThat(changes).extracting(StockLevelChanged::quantityOnHand, StockLevelChanged::movement)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(10L, "RECEIPT"),
                            org.assertj.core.groups.Tuple.tuple(6L, "ALLOCATION"));
        }
    }

    private static List<?> levelChanges(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records,
                                        String stockId) {
        return records.stream().map(r -> EventJson.read(r.value())).filter(e -> e.is(StockLevelChanged.class))
                .filter(e -> e.payloadAs(StockLevelChanged.class).stockId().equals(stockId)).toList();
    }

    private static EventEnvelope placed(String order, String client, OrderLine... lines) {
        return envelope(order, new OrderPlaced(order, "ORD-" + order, client, List.of(lines)));
    }

    private static EventEnvelope envelope(String order, Object payload) {
        return EventEnvelope.of(order, "order-service", payload);
    }

    private static void publish(EventEnvelope event) {
        try {
            producer.send(new ProducerRecord<>(Topics.ORDERS_EVENTS, event.aggregateId(), EventJson.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitProcessed(String order, EventEnvelope event) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() ->
                sagas.find(order).map(s -> s.processed(event.eventId().toString())).orElse(false));
    }

    private static <T> T awaitAnswer(String order, Class<T> type) {
        return awaitAnswer(order, type, x -> true);
    }

    private static <T> T awaitAnswer(String order, Class<T> type, Predicate<T> which) {
        try (EventProbe probe = new EventProbe(MistyTestInfrastructure.kafkaBootstrapServers(), Topics.INVENTORY_EVENTS)) {
            Predicate<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>> found =
                    records -> !filter(records, order, type).stream().filter(which).toList().isEmpty();
            return filter(probe.pollUntil(found, WAIT), order, type).stream().filter(which).findFirst()
                    .orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " for " + order));
        }
    }

    /** Every answer of {@code type} for {@code order} published so far. */
    private static <T> List<T> answers(String order, Class<T> type) {
        try (EventProbe probe = new EventProbe(MistyTestInfrastructure.kafkaBootstrapServers(), Topics.INVENTORY_EVENTS)) {
            // Read to the end of what is there now: wait until nothing new arrives for a moment.
            int[] lastSize = {-1};
            long[] stableSince = {System.nanoTime()};
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> all = probe.pollUntil(records -> {
                if (records.size() != lastSize[0]) {
                    lastSize[0] = records.size();
                    stableSince[0] = System.nanoTime();
                    return false;
                }
                return System.nanoTime() - stableSince[0] > Duration.ofSeconds(3).toNanos();
            }, WAIT);
            return filter(all, order, type);
        }
    }

    private static <T> List<T> filter(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records,
                                      String order, Class<T> type) {
        return records.stream().filter(r -> order.equals(r.key())).map(r -> EventJson.read(r.value()))
                .filter(e -> e.is(type)).map((ReceivedEvent e) -> e.payloadAs(type)).toList();
    }
}
