package com.misty.orders;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.platform.events.EventJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Publishes inventory's events on {@code inventory.events} as inventory-service does: enveloped, keyed by order. */
public final class InventoryAnswers implements AutoCloseable {

    public static final String ACTOR = "inventory-service";

    private final KafkaProducer<String, String> producer;

    public InventoryAnswers(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends the payload in a new envelope; returns the envelope (to send the very same one again). */
    public EventEnvelope send(String orderId, Object payload) {
        EventEnvelope envelope = EventEnvelope.of(orderId, ACTOR, payload);
        resend(envelope);
        return envelope;
    }

    /** Sends an envelope as it is (same event id): what a redelivery looks like to the consumer. */
    public void resend(EventEnvelope envelope) {
        try {
            producer.send(new ProducerRecord<>(Topics.INVENTORY_EVENTS, envelope.aggregateId(), EventJson.write(envelope)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + envelope.type(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
