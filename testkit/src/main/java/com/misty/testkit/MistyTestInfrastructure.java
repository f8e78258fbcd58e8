package com.misty.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts what every service test needs, once per test run of a module: a real Kafka broker and the MongoDB
 * stand-in, and points the service at them and at the test token key. Use it with
 * {@code @WithTestResource(MistyTestInfrastructure.class)} (or {@code @QuarkusTestResource}).
 */
public class MistyTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker kafka;
    private static MongoStandIn mongo;

    @Override
    public synchronized Map<String, String> start() {
        if (kafka == null) {
            kafka = EmbeddedKafkaBroker.startOnRandomPorts();
        }
        if (mongo == null) {
            mongo = MongoStandIn.start();
        }
        System.setProperty("misty.test.kafka.bootstrap-servers", kafka.bootstrapServers());
        System.setProperty("misty.test.mongodb.connection-string", mongo.connectionString());
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.mongodb.connection-string", mongo.connectionString(),
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "mp.jwt.verify.audiences", TestTokens.AUDIENCE);
    }

    @Override
    public synchronized void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
    }

    /** The running broker, for tests that stop and restart it. */
    public static EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public static String kafkaBootstrapServers() {
        return System.getProperty("misty.test.kafka.bootstrap-servers");
    }

    public static String mongoConnectionString() {
        return System.getProperty("misty.test.mongodb.connection-string");
    }
}
