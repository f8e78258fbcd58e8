package com.misty.platform.outbox;

import com.misty.platform.events.KafkaConnection;
import com.misty.testkit.EmbeddedKafkaBroker;
import com.misty.testkit.EventProbe;
import com.misty.testkit.MongoStandIn;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the relay drains a burst of one-event documents (what a burst of stock movements leaves: one ledger entry
 * with one {@code StockLevelChanged} each) against the stand-in and the real local broker, woken by id as the
 * services do, and found by the safety-net sweep alone. Not part of the suite (its name keeps it out of surefire's
 * default includes); it asserts that every event arrived once, never a time, and prints lines starting with
 * {@code BENCHMARK}:
 *
 * <pre>
 * ./mvnw -B -q -pl platform -am verify -Dtest=OutboxRelayBurstBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.events=20000 | grep BENCHMARK
 * </pre>
 */
class OutboxRelayBurstBenchmark {

    private static final String TOPIC = "burst.events";
    private static EmbeddedKafkaBroker broker;
    private static MongoStandIn mongo;
    private static MongoClient client;

    private final int events = Integer.getInteger("bench.events", 20_000);

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
    void drainsABurstWokenByIdAndOneFoundBySweeping() throws Exception {
        Set<String> written = new HashSet<>();
        written.addAll(drain("woken by id", true));
        written.addAll(drain("found by the sweep", false));

        try (EventProbe probe = new EventProbe(broker.bootstrapServers(), TOPIC)) {
            List<String> ids = new ArrayList<>();
            probe.pollUntil(records -> {
                ids.clear();
                records.forEach(r -> ids.add(com.misty.platform.events.EventJson.read(r.value()).envelope().eventId().toString()));
                return ids.size() >= written.size();
            }, Duration.ofSeconds(120));
            assertThat(ids).as("every event published once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(written);
        }
    }

    private Set<String> drain(String how, boolean nudgeById) throws Exception {
        MongoCollection<Document> ledger = client.getDatabase("burst").getCollection(nudgeById ? "woken" : "swept");
        Set<String> ids = new HashSet<>();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            var event = OutboxRelayTest.event(i);
            ids.add(event.eventId().toString());
            docs.add(new Document("_id", "m" + i).append("seq", i).append("level_after", (long) i));
            docs.get(i).putAll(Outbox.newDocumentFields(TOPIC, List.of(event)));
        }
        OutboxSettings settings = OutboxSettings.defaults();
        try (OutboxRelay relay = new OutboxRelay(List.of(ledger), client.getDatabase("burst").getCollection(OutboxRelay.LEASES),
                new KafkaEventPublisher(KafkaConnection.to(broker.bootstrapServers()), "burst-" + how.length(),
                        settings.deliveryTimeout()), settings, "relay-burst", Clock.systemUTC())) {
            // Inserted first, so the figure is the relay's alone and not the writers'.
            for (int from = 0; from < events; from += 1_000) {
                ledger.insertMany(docs.subList(from, Math.min(events, from + 1_000)));
            }
            long start = System.nanoTime();
            relay.start();
            if (nudgeById) {
                for (int i = 0; i < events; i++) {
                    relay.nudge(ledger.getNamespace().getCollectionName(), "m" + i);
                }
            }
            while (ledger.countDocuments(Filters.exists(Outbox.PENDING_SINCE)) > 0) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "BENCHMARK relay burst, %s: %d one-event documents in %.1f s = %.0f events/s%n",
                    how, events, seconds, events / seconds);
        }
        return ids;
    }
}
