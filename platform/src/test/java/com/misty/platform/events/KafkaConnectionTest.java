package com.misty.platform.events;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The clients the platform builds itself reach a broker that requires SASL, as Quarkus' own channels do. */
class KafkaConnectionTest {

    @Test
    void carriesWhereAndHowToConnectAndNothingOfTheChannels() {
        KafkaConnection connection = new KafkaConnection(Map.of(
                "bootstrap.servers", "kafka:9092",
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"x\" password=\"y\";",
                "ssl.truststore.location", "/run/secrets/ca.p12",
                "health-check-timeout", "5000",
                "group.id", "not-for-a-producer"));

        Properties properties = connection.clientProperties("outbox-relay");

        assertThat(properties).containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config")
                .containsEntry("ssl.truststore.location", "/run/secrets/ca.p12")
                .containsEntry("client.id", "outbox-relay")
                .doesNotContainKeys("health-check-timeout", "group.id");
    }

    @Test
    void plainForTestsAndTheLocalSuite() {
        assertThat(KafkaConnection.to("127.0.0.1:9092").clientProperties("c"))
                .containsOnly(Map.entry("bootstrap.servers", "127.0.0.1:9092"), Map.entry("client.id", "c"));
    }
}
