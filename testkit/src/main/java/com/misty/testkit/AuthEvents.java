package com.misty.testkit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the revoking {@code auth.events} to the test broker as auth-service's outbox relay would, so a
 * service's test can check that it refuses revoked tokens itself. The envelope is written by hand (the test kit
 * does not depend on platform); its shape is the one {@code EventJson} reads.
 */
public final class AuthEvents {

    public static final String TOPIC = "auth.events";

    private AuthEvents() {
    }

    public static void sessionsRevoked(String userId, Instant before) {
        publish(userId, "SessionsRevoked", "{\"user_id\":\"" + userId + "\",\"revoked_before\":\"" + before
                + "\",\"reason\":\"test\"}");
    }

    public static void sessionEnded(String userId, String sessionId, Instant at) {
        publish(userId, "SessionEnded", "{\"user_id\":\"" + userId + "\",\"session_id\":\"" + sessionId
                + "\",\"at\":\"" + at + "\"}");
    }

    public static void serviceAccountRevoked(String accountId, Instant before) {
        publish(accountId, "ServiceAccountRevoked", "{\"account_id\":\"" + accountId + "\",\"revoked_before\":\""
                + before + "\",\"reason\":\"test\"}");
    }

    private static void publish(String key, String type, String payload) {
        String envelope = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"aggregate_id\":\""
                + key + "\",\"occurred_at\":\"" + Instant.now() + "\",\"schema_version\":1,\"actor\":\"test\","
                + "\"payload\":" + payload + "}";
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MistyTestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, envelope)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + TOPIC, e);
        }
    }
}
