package com.misty.platform.outbox;

import com.misty.platform.StandInMongo;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.inventory.StockLevelChanged;
import com.misty.testkit.Concurrently;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox mechanics against the MongoDB stand-in, with a publisher the test controls. */
class OutboxRelayTest {

    @RegisterExtension
    static final StandInMongo MONGO = new StandInMongo();

    /** The defaults, but sealed inserts go at the next pass, not after gathering: a test runs the passes itself. */
    private static final OutboxSettings AT_ONCE = new OutboxSettings(Duration.ofMillis(500), Duration.ofSeconds(30), 100,
            Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ZERO);

    private MongoCollection<Document> stock;

    @BeforeEach
    void freshCollection() {
        stock = MONGO.database("outbox_test").getCollection("stock");
        stock.drop();
        stock.insertOne(new Document("_id", "s1").append("quantity_on_hand", 10L));
        leases().drop();
    }

    @Test
    void stateChangeAndItsEventAreWrittenByOneConditionalUpdate() {
        List<Long> matched = Concurrently.run(25, i -> () -> stock.updateOne(
                Filters.and(Filters.eq("_id", "s1"), Filters.gte("quantity_on_hand", 1L)),
                Updates.combine(Updates.inc("quantity_on_hand", -1L), Outbox.append("inventory.events", event(i))))
                .getModifiedCount());

        Document after = stock.find(Filters.eq("_id", "s1")).first();
        assertThat(matched.stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
        assertThat(after.getLong("quantity_on_hand")).isZero();
        // Exactly one event per change that happened, none for the 15 refused ones.
        assertThat(after.getList(Outbox.FIELD, Document.class)).hasSize(10);
    }

    @Test
    void removesAnEntryOnlyAfterTheBrokerAcknowledgedIt() throws Exception {
        appendEvents(3);
        ControlledPublisher publisher = new ControlledPublisher();
        OutboxRelay relay = relay(publisher);

        Future<OutboxRelay.PassResult> pass = Executors.newSingleThreadExecutor().submit(relay::relayOnce);
        await().atMost(Duration.ofSeconds(5)).until(() -> publisher.pending.size() == 3);
        assertThat(outbox()).as("nothing removed before the acknowledgement").hasSize(3);

        publisher.pending.forEach(f -> f.complete(null));
        assertThat(pass.get(5, TimeUnit.SECONDS).published()).isEqualTo(3);
        assertThat(outbox()).isEmpty();
        assertThat(publisher.sentKeys).containsOnly("s1");
    }

    @Test
    void keepsEntriesFromTheFirstFailureOnAndReleasesTheLease() {
        appendEvents(3);
        ControlledPublisher publisher = new ControlledPublisher();
        publisher.failFrom = 1;
        OutboxRelay relay = relay(publisher);

        OutboxRelay.PassResult pass = relay.relayOnce();

        assertThat(pass).isEqualTo(new OutboxRelay.PassResult(1, true));
        assertThat(publisher.sentEventIds).as("nothing more handed to a producer that refused an event at once "
                + "(with the broker away each send may block for max.block.ms)").hasSize(2);
        List<Document> left = outbox();
        assertThat(left).hasSize(2);
        assertThat(leases().countDocuments()).as("the lease given back").isZero();

        publisher.failFrom = Integer.MAX_VALUE;
        publisher.autoAcknowledge = true;
        assertThat(relay(publisher).relayOnce().published()).isEqualTo(2);
        assertThat(outbox()).isEmpty();
    }

    @Test
    void concurrentRelaysPublishEachEntryOnce() {
        for (int doc = 0; doc < 20; doc++) {
            stock.insertOne(new Document("_id", "d" + doc).append(Outbox.FIELD,
                    List.of(Outbox.entry("inventory.events", event(doc)))));
        }
        ControlledPublisher publisher = new ControlledPublisher();
        publisher.autoAcknowledge = true;

        Concurrently.run(4, i -> () -> relay(publisher).relayOnce());

        assertThat(publisher.sentEventIds).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void anEventAppendedWhilePublishingStaysAndStaysMarkedPending() throws Exception {
        appendEvents(2);
        ControlledPublisher publisher = new ControlledPublisher();
        OutboxRelay relay = relay(publisher);

        Future<OutboxRelay.PassResult> pass = Executors.newSingleThreadExecutor().submit(relay::relayOnce);
        await().atMost(Duration.ofSeconds(5)).until(() -> publisher.pending.size() == 2);
        appendEvents(1); // a writer appends while the relay holds the lease
        publisher.pending.forEach(f -> f.complete(null));

        assertThat(pass.get(5, TimeUnit.SECONDS).published()).isEqualTo(2);
        assertThat(outbox()).hasSize(1);
        assertThat(stock.find(Filters.eq("_id", "s1")).first()).as("the sweep still finds it")
                .containsKey(Outbox.PENDING_SINCE);
        publisher.autoAcknowledge = true;
        assertThat(relay(publisher).relayOnce().published()).isEqualTo(1);
        assertThat(stock.find(Filters.eq("_id", "s1")).first()).doesNotContainKey(Outbox.PENDING_SINCE);
    }

    @Test
    void aDocumentLeasedByAnotherRelayIsLeftToItUntilItsLeaseExpires() {
        appendEvents(1);
        leases().insertOne(new Document("_id", "stock:s1").append("owner", "other")
                .append("until", java.util.Date.from(java.time.Instant.now().plusSeconds(30))));
        ControlledPublisher publisher = new ControlledPublisher();
        publisher.autoAcknowledge = true;
        OutboxRelay relay = relay(publisher);

        relay.nudge("stock", "s1");
        assertThat(relay.relayOnce().published()).isZero();
        assertThat(outbox()).hasSize(1);

        // Its holder died: once the lease expired, any relay takes it over.
        leases().updateOne(Filters.eq("_id", "stock:s1"),
                Updates.set("until", java.util.Date.from(java.time.Instant.now().minusSeconds(1))));
        relay.nudge("stock", "s1");
        assertThat(relay.relayOnce().published()).isEqualTo(1);
        assertThat(outbox()).isEmpty();
        assertThat(leases().countDocuments()).isZero();
    }

    @Test
    void concurrentRelaysWokenForTheSameDocumentsPublishEachEntryOnce() {
        List<String> ids = new ArrayList<>();
        for (int doc = 0; doc < 300; doc++) {
            stock.insertOne(new Document("_id", "w" + doc).append("seq", doc));
            stock.updateOne(Filters.eq("_id", "w" + doc), Outbox.append("inventory.events", event(doc)));
            ids.add("w" + doc);
        }
        ControlledPublisher publisher = new ControlledPublisher();
        publisher.autoAcknowledge = true;

        Concurrently.run(4, i -> () -> {
            OutboxRelay relay = relay(publisher);
            ids.forEach(id -> relay.nudge("stock", id));
            return relay.relayOnce();
        });

        assertThat(publisher.sentEventIds).hasSize(300).doesNotHaveDuplicates();
        assertThat(stock.countDocuments(Filters.exists(Outbox.PENDING_SINCE))).isZero();
        assertThat(leases().countDocuments()).isZero();
    }

    /**
     * Two relays running as two replicas' do: writers insert and update documents and wake one relay or the other,
     * while both sweep every few milliseconds, so each document is wanted by both at once. Half the writes hand the
     * id on as a codec does (a {@code BsonString}); keyed by that, the lease did not keep the other relay away. Sealed
     * inserts go out from their writer's relay without a lease, while the other relay's sweeps pass them by.
     */
    @Test
    void twoRunningRelaysWokenAndSweepingTogetherPublishEachEventOnce() throws Exception {
        Map<String, Integer> published = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ScheduledExecutorService broker = Executors.newScheduledThreadPool(2);
        EventPublisher slowBroker = new EventPublisher() {
            @Override
            public CompletableFuture<Void> publish(String topic, String key, String value, Map<String, String> headers) {
                published.merge(com.misty.platform.events.EventJson.read(value).envelope().eventId().toString(), 1,
                        Integer::sum);
                CompletableFuture<Void> ack = new CompletableFuture<>();
                broker.schedule(() -> ack.complete(null), 1 + (value.hashCode() & 7), TimeUnit.MILLISECONDS);
                return ack;
            }

            @Override
            public void close() {
            }
        };
        OutboxSettings settings = new OutboxSettings(Duration.ofMillis(10), Duration.ofSeconds(30), 100,
                Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofMillis(5));
        List<OutboxRelay> relays = List.of(relay(slowBroker, settings), relay(slowBroker, settings));
        relays.forEach(OutboxRelay::start);
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            int written = Concurrently.run(4, writer -> () -> {
                int events = 0;
                for (int n = 0; System.nanoTime() < until; n++) {
                    String id = "r" + writer + "-" + n;
                    Object asHandedOn = n % 2 == 0 ? id : new org.bson.BsonString(id);
                    new OutboxWrites(stock, "inventory.events", relays.get(n % 2)::nudge)
                            .insertOne(new Document("_id", asHandedOn), List.of(event(n)));
                    new OutboxWrites(stock, "inventory.events", relays.get((n + writer) % 2)::nudge)
                            .updateById(id, Updates.set("touched", true), List.of(event(n)));
                    // An insert-only entry, published from its writer's memory while the other relay sweeps.
                    sealedWrites(relays.get(n % 2), Duration.ofSeconds(30))
                            .insertSealed(new Document("_id", "sealed-" + id), List.of(event(n)));
                    events += 3;
                }
                return events;
            }).stream().mapToInt(Integer::intValue).sum();
            await().atMost(Duration.ofSeconds(60)).until(() -> stock.countDocuments(Filters.exists(Outbox.FIELD + ".0")) == 0);

            assertThat(published).as("events published").hasSize(written);
            assertThat(published.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                    .as("events published more than once").isEmpty();
        } finally {
            relays.forEach(OutboxRelay::close);
            broker.shutdownNow();
        }
    }

    @Test
    void aSealedInsertIsPublishedFromMemoryWithoutALease() {
        List<Long> leasesWhilePublishing = new CopyOnWriteArrayList<>();
        ControlledPublisher publisher = new ControlledPublisher() {
            @Override
            public synchronized CompletableFuture<Void> publish(String topic, String key, String value, Map<String, String> headers) {
                leasesWhilePublishing.add(leases().countDocuments());
                return super.publish(topic, key, value, headers);
            }
        };
        publisher.autoAcknowledge = true;
        OutboxRelay relay = relay(publisher);
        EventEnvelope event = event(1);

        sealedWrites(relay, Duration.ofSeconds(30)).insertSealed(new Document("_id", "e1"), List.of(event));
        Document stored = stock.find(Filters.eq("_id", "e1")).first();
        assertThat(stored.getDate(Outbox.PENDING_SINCE)).as("the sweep leaves it to the writer's relay for a lease")
                .isAfter(java.util.Date.from(event.occurredAt().plusSeconds(29)));

        assertThat(relay.relayOnce().published()).isEqualTo(1);
        assertThat(publisher.sentEventIds).containsExactly(event.eventId().toString());
        assertThat(leasesWhilePublishing).containsOnly(0L);
        Document after = stock.find(Filters.eq("_id", "e1")).first();
        assertThat(after.getList(Outbox.FIELD, Document.class)).isEmpty();
        assertThat(after).doesNotContainKey(Outbox.PENDING_SINCE);
        assertThat(relay.relayOnce().published()).as("nothing left for the sweep").isZero();
    }

    @Test
    void theSweepTakesASealedInsertOnlyOnceItsGraceIsOver() {
        ControlledPublisher publisher = new ControlledPublisher();
        publisher.autoAcknowledge = true;
        // The writer's process died after the insert: its relay never got the entries.
        OutboxWrites lostHandOver = new OutboxWrites(stock, "inventory.events", new OutboxWrites.Wakeup() {
            @Override
            public void pending(String collection, Object id) {
            }

            @Override
            public Duration sealedGrace() {
                return Duration.ofSeconds(30);
            }

            @Override
            public void sealed(String collection, Object id, List<Document> entries) {
            }
        });
        lostHandOver.insertSealed(new Document("_id", "e1"), List.of(event(1)));

        OutboxRelay now = relay(publisher);
        assertThat(now.relayOnce().published()).as("the first sweep after a start").isZero();
        assertThat(now.relayOnce().published()).as("a later sweep").isZero();
        OutboxRelay aLeaseLater = new OutboxRelay(List.of(stock), leases(), publisher, AT_ONCE,
                "relay-later", Clock.offset(Clock.systemUTC(), Duration.ofSeconds(31)));
        assertThat(aLeaseLater.relayOnce().published()).isEqualTo(1);
        assertThat(stock.find(Filters.eq("_id", "e1")).first().getList(Outbox.FIELD, Document.class)).isEmpty();
    }

    @Test
    void aSealedInsertTheBrokerDidNotTakeIsHandedToTheSweepAtOnce() {
        ControlledPublisher publisher = new ControlledPublisher();
        publisher.failFrom = 0;
        OutboxRelay relay = relay(publisher);
        OutboxWrites writes = sealedWrites(relay, Duration.ofSeconds(30));
        EventEnvelope first = event(1);
        writes.insertSealed(new Document("_id", "e1"), List.of(first));
        writes.insertSealed(new Document("_id", "e2"), List.of(event(2)));

        assertThat(relay.relayOnce()).isEqualTo(new OutboxRelay.PassResult(0, true));
        assertThat(stock.find(Filters.eq("_id", "e1")).first().getDate(Outbox.PENDING_SINCE))
                .isEqualTo(java.util.Date.from(first.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        assertThat(stock.find(Filters.eq("_id", "e2")).first().getDate(Outbox.PENDING_SINCE))
                .as("not sent after the refusal: handed to the sweep too")
                .isBeforeOrEqualTo(new java.util.Date());

        publisher.failFrom = Integer.MAX_VALUE;
        publisher.autoAcknowledge = true;
        publisher.sentEventIds.clear();
        assertThat(relay.relayOnce().published()).as("the sweep, at once").isEqualTo(2);
        assertThat(publisher.sentEventIds).hasSize(2).doesNotHaveDuplicates();
        assertThat(stock.countDocuments(Filters.exists(Outbox.FIELD + ".0"))).isZero();
    }

    @Test
    void sealedInsertsGoTogetherOnceABatchIsFullOrTheOldestHasWaitedItsGather() {
        ControlledPublisher publisher = new ControlledPublisher();
        publisher.autoAcknowledge = true;
        OutboxSettings batchOfFive = new OutboxSettings(Duration.ofMillis(50), Duration.ofSeconds(30), 5,
                Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofHours(1));
        try (OutboxRelay relay = relay(publisher, batchOfFive)) {
            relay.start();
            OutboxWrites writes = sealedWrites(relay, Duration.ofSeconds(30));
            for (int i = 0; i < 4; i++) {
                writes.insertSealed(new Document("_id", "g" + i), List.of(event(i)));
            }
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> publisher.sentEventIds.isEmpty());

            writes.insertSealed(new Document("_id", "g4"), List.of(event(4)));
            await().atMost(Duration.ofSeconds(10)).until(() -> publisher.sentEventIds.size() == 5);
        }

        OutboxSettings shortGather = new OutboxSettings(Duration.ofMillis(50), Duration.ofSeconds(30), 5,
                Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofMillis(100));
        try (OutboxRelay relay = relay(publisher, shortGather)) {
            relay.start();
            sealedWrites(relay, Duration.ofSeconds(30)).insertSealed(new Document("_id", "alone"), List.of(event(5)));
            await().atMost(Duration.ofSeconds(10)).until(() -> publisher.sentEventIds.size() == 6);
        }
        assertThat(stock.countDocuments(Filters.exists(Outbox.FIELD + ".0"))).isZero();
    }

    /** Each sweep searches whole collections on the stand-in: the gathering's short pauses must not set one off. */
    @Test
    void gatheringSealedInsertsDoesNotSetOffTheSweep() {
        ControlledPublisher publisher = new ControlledPublisher();
        publisher.autoAcknowledge = true;
        OutboxSettings longPoll = new OutboxSettings(Duration.ofSeconds(30), Duration.ofSeconds(30), 100,
                Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofMillis(5));
        try (OutboxRelay relay = relay(publisher, longPoll)) {
            relay.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.sentEventIds.isEmpty()); // its first sweep
            // Pending, and nobody wakes the relay for it: only a sweep would publish it.
            appendEvents(1);
            OutboxWrites writes = sealedWrites(relay, Duration.ofSeconds(30));
            for (int i = 0; i < 40; i++) {
                writes.insertSealed(new Document("_id", "busy" + i), List.of(event(i)));
                sleepMillis(10);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> publisher.sentEventIds.size() >= 40);
            assertThat(outbox()).as("not swept: no quiet poll interval passed").hasSize(1);
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OutboxWrites sealedWrites(OutboxRelay relay, Duration grace) {
        return sealedWrites(MONGO.database("outbox_test").getCollection("stock"), "inventory.events", relay, grace);
    }

    /** Writes whose sealed inserts {@code relay} publishes from memory, as the service's relay does. */
    static OutboxWrites sealedWrites(MongoCollection<Document> collection, String topic, OutboxRelay relay, Duration grace) {
        return new OutboxWrites(collection, topic,
                new OutboxWrites.Wakeup() {
                    @Override
                    public void pending(String collection, Object id) {
                        relay.nudge(collection, id);
                    }

                    @Override
                    public Duration sealedGrace() {
                        return grace;
                    }

                    @Override
                    public void sealed(String collection, Object id, List<Document> entries) {
                        relay.publishSealed(collection, id, entries);
                    }
                });
    }

    private OutboxRelay relay(EventPublisher publisher) {
        return relay(publisher, AT_ONCE);
    }

    private OutboxRelay relay(EventPublisher publisher, OutboxSettings settings) {
        return new OutboxRelay(List.of(stock), leases(), publisher, settings, "relay-" + System.nanoTime(),
                Clock.systemUTC());
    }

    private static MongoCollection<Document> leases() {
        return MONGO.database("outbox_test").getCollection(OutboxRelay.LEASES);
    }

    private void appendEvents(int n) {
        for (int i = 0; i < n; i++) {
            stock.updateOne(Filters.eq("_id", "s1"), Outbox.append("inventory.events", event(i)));
        }
    }

    private List<Document> outbox() {
        return stock.find(Filters.eq("_id", "s1")).first().getList(Outbox.FIELD, Document.class, List.of());
    }

    static EventEnvelope event(int i) {
        return EventEnvelope.of("s1", "test", new StockLevelChanged("s1", "p1", "c1", i, "ALLOCATION"));
    }

    /** A publisher whose acknowledgements the test gives, withholds or fails. */
    static class ControlledPublisher implements EventPublisher {
        final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
        final List<String> sentKeys = new CopyOnWriteArrayList<>();
        final List<String> sentEventIds = Collections.synchronizedList(new ArrayList<>());
        volatile int failFrom = Integer.MAX_VALUE;
        volatile boolean autoAcknowledge;
        private int sent;

        @Override
        public synchronized CompletableFuture<Void> publish(String topic, String key, String value, Map<String, String> headers) {
            sentKeys.add(key);
            sentEventIds.add(com.misty.platform.events.EventJson.read(value).envelope().eventId().toString());
            CompletableFuture<Void> ack = new CompletableFuture<>();
            if (sent++ >= failFrom) {
                ack.completeExceptionally(new IllegalStateException("broker unavailable"));
            } else if (autoAcknowledge || failFrom != Integer.MAX_VALUE) {
                ack.complete(null);
            }
            pending.add(ack);
            return ack;
        }

        @Override
        public void close() {
        }
    }
}
