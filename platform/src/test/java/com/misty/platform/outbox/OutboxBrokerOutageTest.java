package com.misty.platform.outbox;

import com.misty.platform.events.KafkaConnection;
import com.misty.platform.events.EventJson;
import com.misty.testkit.EmbeddedKafkaBroker;
import com.misty.testkit.EventProbe;
import com.misty.testkit.MongoStandIn;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay against a real broker that goes away in the middle of a burst and comes back. */
class OutboxBrokerOutageTest {

    private static final String TOPIC = "outage.events";
    private static EmbeddedKafkaBroker broker;
    private static MongoStandIn mongo;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.startOnRandomPorts();
        mongo = MongoStandIn.start();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
        broker.close();
    }

    @Test
    void noEventIsLostWhenTheBrokerStopsAndRestarts() {
        MongoCollection<Document> stock = client.getDatabase("outage_test").getCollection("stock");
        Set<String> written = new HashSet<>();
        OutboxSettings fast = new OutboxSettings(Duration.ofMillis(50), Duration.ofSeconds(30), 100,
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(20));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (OutboxRelay relay = new OutboxRelay(List.of(stock), client.getDatabase("outage_test").getCollection(OutboxRelay.LEASES),
                new KafkaEventPublisher(KafkaConnection.to(broker.bootstrapServers()), "outage-test", Duration.ofSeconds(5)),
                fast, "relay-1", Clock.systemUTC(), metrics)) {
            relay.start();
            OutboxWrites sealed = OutboxRelayTest.sealedWrites(stock, TOPIC, relay, fast.lease());
            written.addAll(writeEvents(stock, sealed, 0, 30));
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingCount(stock) == 0);
            assertThat(metrics.get("misty.outbox.publish.latency").tag("collection", "stock").timer().count())
                    .isEqualTo(30);
            assertThat(gauge(metrics, "misty.outbox.oldest.age")).isZero();

            broker.stop();
            written.addAll(writeEvents(stock, sealed, 30, 30));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> pendingCount(stock) == 30);
            // The operator's view of the outage: entries pile up and the oldest one keeps ageing.
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge(metrics, "misty.outbox.pending.entries") == 30);
            double age = gauge(metrics, "misty.outbox.oldest.age");
            assertThat(age).isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge(metrics, "misty.outbox.oldest.age") > age + 1);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    metrics.get("misty.outbox.relay.failures").tag("collection", "stock").counter().count() > 0);

            broker.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> pendingCount(stock) == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge(metrics, "misty.outbox.pending.entries") == 0
                    && gauge(metrics, "misty.outbox.oldest.age") == 0);
        }

        try (EventProbe probe = new EventProbe(broker.bootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, String>> records = probe.pollUntil(
                    seen -> eventIds(seen).containsAll(written), Duration.ofSeconds(30));
            assertThat(eventIds(records)).containsAll(written);
        }
    }

    /** Events appended to five documents, every other one a sealed insert of its own (a ledger entry's way). */
    private static List<String> writeEvents(MongoCollection<Document> stock, OutboxWrites sealed, int from, int count) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = from; i < from + count; i++) {
            var event = OutboxRelayTest.event(i);
            if (i % 2 == 0) {
                sealed.insertSealed(new Document("_id", "entry-" + i), List.of(event));
            } else {
                stock.updateOne(Filters.eq("_id", "s" + (i % 5)), Outbox.append(TOPIC, event),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
            }
            ids.add(event.eventId().toString());
        }
        return ids;
    }

    private static double gauge(SimpleMeterRegistry metrics, String name) {
        return metrics.get(name).tag("collection", "stock").gauge().value();
    }

    private static long pendingCount(MongoCollection<Document> stock) {
        long n = 0;
        for (Document doc : stock.find()) {
            n += doc.getList(Outbox.FIELD, Document.class, List.of()).size();
        }
        return n;
    }

    private static Set<String> eventIds(List<ConsumerRecord<String, String>> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(EventJson.read(r.value()).envelope().eventId().toString()));
        return ids;
    }
}
