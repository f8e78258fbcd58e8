package com.misty.suite;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the user asked for, from flags (which win) or environment variables.
 *
 * @param externalKafka   bootstrap servers of a Kafka to use instead of starting the local broker
 * @param externalMongodb connection string of a MongoDB to use instead of starting the stand-in
 * @param gatewayPort     the gateway's port; the services listen on the next four
 * @param serviceEnvironment extra environment for every service (configuration overrides, e.g. in system tests)
 */
public record SuiteOptions(Path home, Path dataDir, Optional<String> externalKafka, Optional<String> externalMongodb,
                           int gatewayPort, int kafkaPort, int mongodbPort, String serviceJvmOptions,
                           Map<String, String> serviceEnvironment) {

    static final String USAGE = """
            Usage: ./run-suite.sh [--kafka=HOST:PORT] [--mongodb=URI] [--data-dir=DIR] [--port=N] [--kafka-port=N] [--mongodb-port=N]
              --kafka=...     use this Kafka (env MISTY_KAFKA_BOOTSTRAP); no local broker is started
              --mongodb=...   use this MongoDB (env MISTY_MONGODB_URI); no stand-in is started
              --data-dir=...  where the local broker, the stand-in, keys and logs keep their files (env MISTY_DATA_DIR, default .data)
              --port          port of the gateway (default 8080); the services take the next four (8081-8084)
              --kafka-port    port of the local broker (default 9092); --mongodb-port of the stand-in (default 27017)
            Service JVM options: env MISTY_SERVICE_JVM_OPTS.""";

    static final String DEFAULT_SERVICE_JVM_OPTIONS =
            "-Xms16m -Xmx96m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m";

    public static SuiteOptions parse(String[] args, Map<String, String> env, Path workingDir) {
        String kafka = env.get("MISTY_KAFKA_BOOTSTRAP");
        String mongodb = env.get("MISTY_MONGODB_URI");
        String dataDir = env.getOrDefault("MISTY_DATA_DIR", ".data");
        int gatewayPort = 8080;
        int kafkaPort = 9092;
        int mongodbPort = 27017;
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.startsWith("--kafka=")) {
                kafka = value;
            } else if (arg.startsWith("--mongodb=")) {
                mongodb = value;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = value;
            } else if (arg.startsWith("--port=")) {
                gatewayPort = port(arg, value);
            } else if (arg.startsWith("--kafka-port=")) {
                kafkaPort = port(arg, value);
            } else if (arg.startsWith("--mongodb-port=")) {
                mongodbPort = port(arg, value);
            } else {
                throw new LaunchException("unknown option '" + arg + "'\n" + USAGE);
            }
        }
        return new SuiteOptions(workingDir, workingDir.resolve(dataDir).toAbsolutePath().normalize(),
                Optional.ofNullable(kafka).filter(s -> !s.isBlank()),
                Optional.ofNullable(mongodb).filter(s -> !s.isBlank()),
                gatewayPort, kafkaPort, mongodbPort,
                env.getOrDefault("MISTY_SERVICE_JVM_OPTS", DEFAULT_SERVICE_JVM_OPTIONS), Map.of());
    }

    private static int port(String arg, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65532) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new LaunchException("'" + arg + "' is not a port number");
    }

    /** The same options with extra environment for every service (added to what the launcher sets). */
    public SuiteOptions withServiceEnvironment(Map<String, String> environment) {
        return new SuiteOptions(home, dataDir, externalKafka, externalMongodb, gatewayPort, kafkaPort, mongodbPort,
                serviceJvmOptions, Map.copyOf(environment));
    }

    public String kafkaBootstrap() {
        return externalKafka.orElse("127.0.0.1:" + kafkaPort);
    }

    public String mongodbUri() {
        return externalMongodb.orElse("mongodb://127.0.0.1:" + mongodbPort);
    }
}
