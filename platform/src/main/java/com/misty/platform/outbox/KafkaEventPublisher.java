package com.misty.platform.outbox;

import com.misty.platform.events.KafkaConnection;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The idempotent Kafka producer behind the outbox relay: {@code acks=all} so an acknowledgement means the
 * event is durable, idempotence so the producer's own retries never duplicate or reorder a partition.
 */
public final class KafkaEventPublisher implements EventPublisher {

    private final KafkaProducer<String, String> producer;

    public KafkaEventPublisher(KafkaConnection connection, String clientId, Duration deliveryTimeout) {
        Properties props = connection.clientProperties(clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // No lingering: the relay hands a whole batch's events over before it awaits any acknowledgement, and what is
        // sent while a request is in flight is batched by the producer anyway; a linger only delays every batch.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        int timeoutMs = (int) deliveryTimeout.toMillis();
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 10_000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 10_000 + 5));
        // While the broker is away, send() must not block the relay for long: the outbox keeps the events.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 5_000));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Override
    public CompletableFuture<Void> publish(String topic, String key, String value, Map<String, String> headers) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
