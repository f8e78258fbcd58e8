package com.misty.platform.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How this process reaches Kafka, for the clients the platform and the gateway build themselves (the outbox
 * producer, the revocation and live-event feeds): the bootstrap servers and, in compose and Kubernetes, the
 * authentication the broker requires ({@code kafka.security.protocol}, {@code kafka.sasl.*}, {@code kafka.ssl.*},
 * also given as {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG}, ...). Read from the same settings
 * Quarkus gives its own channels, so a broker that demands SASL is reached by every client alike.
 */
@ApplicationScoped
public class KafkaConnection {

    private final Map<String, Object> settings;

    @Inject
    public KafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.settings = connectionSettingsOf(kafkaConfig);
    }

    /** Plain settings, for tests that build clients outside a Quarkus application. */
    public static KafkaConnection to(String bootstrapServers) {
        return new KafkaConnection(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** Client properties to start from: where the broker is and how to authenticate, under {@code clientId}. */
    public Properties clientProperties(String clientId) {
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.put("client.id", clientId);
        return properties;
    }

    public String bootstrapServers() {
        return String.valueOf(settings.get("bootstrap.servers"));
    }

    /** Only what says where and how to connect: the rest of {@code kafka.*} belongs to Quarkus' channels. */
    static Map<String, Object> connectionSettingsOf(Map<String, Object> kafkaConfig) {
        Map<String, Object> connection = new TreeMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.equals("security.protocol") || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                connection.put(key, value);
            }
        });
        connection.putIfAbsent("bootstrap.servers", "localhost:9092");
        return Map.copyOf(connection);
    }
}
