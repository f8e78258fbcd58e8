package com.misty.platform.idempotency;

import com.misty.platform.StandInMongo;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.orders.OrderCancelled;
import com.misty.platform.events.EventJson;
import com.misty.platform.events.ReceivedEvent;
import com.misty.platform.idempotency.IdempotentUpdate.Outcome;
import com.misty.testkit.Concurrently;
import com.misty.testkit.EmbeddedKafkaBroker;
import com.misty.testkit.EventProbe;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotentUpdateTest {

    @RegisterExtension
    static final StandInMongo MONGO = new StandInMongo();

    private MongoCollection<Document> orders;

    @BeforeEach
    void freshCollection() {
        orders = MONGO.database("idempotency_test").getCollection("counters");
        orders.drop();
        orders.insertOne(new Document("_id", "o1").append("applied", 0).append("status", "OPEN"));
    }

    @Test
    void anEventDeliveredManyTimesAtOnceIsAppliedOnce() {
        UUID eventId = UUID.randomUUID();

        List<Outcome> outcomes = Concurrently.run(16, i -> () -> IdempotentUpdate.apply(orders,
                Filters.eq("_id", "o1"), eventId, Filters.eq("status", "OPEN"), Updates.inc("applied", 1)).outcome());

        assertThat(outcomes).containsOnlyOnce(Outcome.APPLIED);
        assertThat(outcomes).filteredOn(o -> o == Outcome.ALREADY_APPLIED).hasSize(15);
        assertThat(orders.find().first().getInteger("applied")).isEqualTo(1);
    }

    @Test
    void tellsAFailedGuardFromARedeliveryAndFromAMissingDocument() {
        UUID eventId = UUID.randomUUID();
        assertThat(IdempotentUpdate.apply(orders, Filters.eq("_id", "o1"), eventId, Filters.eq("status", "CLOSED"),
                Updates.inc("applied", 1)).outcome()).isEqualTo(Outcome.GUARD_FAILED);
        assertThat(IdempotentUpdate.apply(orders, Filters.eq("_id", "nope"), eventId, Filters.empty(),
                Updates.inc("applied", 1)).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(orders.find().first().getInteger("applied")).isZero();
    }

    @Test
    void remembersOnlyTheMostRecentEventIds() {
        for (int i = 0; i < ProcessedEvents.REMEMBERED + 20; i++) {
            IdempotentUpdate.apply(orders, Filters.eq("_id", "o1"), UUID.randomUUID(), Filters.empty(),
                    Updates.inc("applied", 1));
        }
        Document doc = orders.find().first();
        assertThat(doc.getInteger("applied")).isEqualTo(ProcessedEvents.REMEMBERED + 20);
        assertThat(doc.getList(ProcessedEvents.FIELD, String.class)).hasSize(ProcessedEvents.REMEMBERED);
    }

    @Test
    void aRedeliveredKafkaRecordIsAppliedOnce() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startOnRandomPorts();
             KafkaProducer<String, String> producer = new KafkaProducer<>(
                     Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                     new StringSerializer(), new StringSerializer())) {
            String json = EventJson.write(EventEnvelope.of("o1", "test", new OrderCancelled("o1", "customer asked")));
            // At-least-once delivery: the same record arrives twice (e.g. a relay crashed before removing it).
            producer.send(new ProducerRecord<>("redelivery.events", "o1", json));
            producer.send(new ProducerRecord<>("redelivery.events", "o1", json));
            producer.flush();

            try (EventProbe consumer = new EventProbe(broker.bootstrapServers(), "redelivery.events")) {
                var records = consumer.pollUntil(seen -> seen.size() >= 2, Duration.ofSeconds(30));
                assertThat(records).hasSize(2);
                for (var record : records) {
                    ReceivedEvent event = EventJson.read(record.value());
                    IdempotentUpdate.apply(orders, Filters.eq("_id", event.envelope().aggregateId()),
                            event.envelope().eventId(), Filters.empty(), Updates.inc("applied", 1));
                }
            }
        }
        assertThat(orders.find().first().getInteger("applied")).isEqualTo(1);
    }
}
