package com.misty.gateway.support;

import com.misty.contracts.EventEnvelope;
import com.misty.platform.events.EventJson;
import com.misty.testkit.MistyTestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Publishes events to the real test broker, the way the services' outbox relays do. */
public final class SuiteEvents {

    private SuiteEvents() {
    }

    public static void publish(String topic, String aggregateId, Object payload) {
        publish(MistyTestInfrastructure.kafkaBootstrapServers(), topic, EventEnvelope.of(aggregateId, "test", payload));
    }

    /** Publishes many events with one producer (in order, per aggregate key), waiting until all are acknowledged. */
    public static void publishAll(String topic, java.util.List<? extends java.util.Map.Entry<String, ?>> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MistyTestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (java.util.Map.Entry<String, ?> event : events) {
                producer.send(new ProducerRecord<>(topic, event.getKey(),
                        EventJson.write(EventEnvelope.of(event.getKey(), "test", event.getValue()))));
            }
            producer.flush();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    static void publish(String bootstrapServers, String topic, EventEnvelope envelope) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, envelope.aggregateId(), EventJson.write(envelope)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }
}
