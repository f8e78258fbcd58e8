package com.misty.suite;

import com.misty.contracts.auth.PasswordRules;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the user asked for, from flags (which win) or environment variables. Every value is checked here, before
 * anything starts, and a bad one is refused with the rule it breaks.
 *
 * @param externalKafka   bootstrap servers of a Kafka to use instead of starting the local broker
 * @param externalMongodb connection string of a MongoDB to use instead of starting the stand-in
 * @param gatewayPort     the gateway's port; the services listen on the next four
 * @param adminPassword   the bootstrap admin's password from {@code MISTY_ADMIN_PASSWORD}; empty: generated once
 * @param demo            seed the demo data set through the API once the suite is ready ({@code --demo})
 * @param replicas        processes of each service (gateway included), 1 by default ({@code --replicas=N})
 * @param serviceEnvironment extra environment for every service (configuration overrides, e.g. in system tests)
 */
public record SuiteOptions(Path home, Path dataDir, Optional<String> externalKafka, Optional<String> externalMongodb,
                           int gatewayPort, int kafkaPort, int mongodbPort, Optional<String> adminPassword,
                           boolean demo, int replicas, String serviceJvmOptions, Map<String, String> serviceEnvironment) {

    /** The user auth-service creates on its first start (BootstrapAdmin). */
    static final String BOOTSTRAP_ADMIN_USERNAME = "admin";
    private static final int SERVICES_AFTER_GATEWAY = ServiceSpec.PORTS_PER_REPLICA - 1;

    static final String USAGE = """
            Usage: ./run-suite.sh [--demo] [--replicas=N] [--kafka=HOST:PORT] [--mongodb=URI] [--data-dir=DIR] [--port=N] [--kafka-port=N] [--mongodb-port=N]
              --demo          seed a small demo data set through the API (env MISTY_DEMO=true); adds nothing twice
              --replicas=N    run N (1-4) processes of every service and the gateway (env MISTY_REPLICAS, default 1);
                              replica k takes the ports 5(k-1) above replica 1's (gateway 8085, services 8086-8089)
              --kafka=...     use this Kafka (env MISTY_KAFKA_BOOTSTRAP); no local broker is started
              --mongodb=...   use this MongoDB (env MISTY_MONGODB_URI); no stand-in is started
              --data-dir=...  where the local broker, the stand-in, keys and logs keep their files (env MISTY_DATA_DIR, default .data)
              --port          port of the gateway (default 8080); the services take the next four (8081-8084)
              --kafka-port    port of the local broker (default 9092); --mongodb-port of the stand-in (default 27017)
            Service JVM options: env MISTY_SERVICE_JVM_OPTS.""";

    /**
     * Only the quick (C1) JIT compiler, as the NAS deployment runs them: the optimising compiler's work areas and
     * its compilations cost every JVM memory and the cores CPU for minutes after a start, more than its faster
     * code gains for services that mostly wait on the database and the broker (README, #17's measurements).
     */
    static final String QUICK_JIT_ONLY = "-XX:TieredStopAtLevel=1";

    static final String DEFAULT_SERVICE_JVM_OPTIONS = "-Xms16m -Xmx96m -XX:+UseSerialGC -Xss512k "
            + "-XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m " + QUICK_JIT_ONLY;

    public static SuiteOptions parse(String[] args, Map<String, String> env, Path workingDir) {
        String kafka = env.get("MISTY_KAFKA_BOOTSTRAP");
        String mongodb = env.get("MISTY_MONGODB_URI");
        String dataDir = env.getOrDefault("MISTY_DATA_DIR", ".data");
        int gatewayPort = 8080;
        int kafkaPort = 9092;
        int mongodbPort = 27017;
        boolean demo = flag("MISTY_DEMO", env.get("MISTY_DEMO"));
        int replicas = env.containsKey("MISTY_REPLICAS") ? replicas("MISTY_REPLICAS=" + env.get("MISTY_REPLICAS"),
                env.get("MISTY_REPLICAS")) : 1;
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.startsWith("--replicas=")) {
                replicas = replicas(arg, value);
            } else if (arg.startsWith("--kafka=")) {
                kafka = value;
            } else if (arg.startsWith("--mongodb=")) {
                mongodb = value;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = value;
            } else if (arg.startsWith("--port=")) {
                gatewayPort = port(arg, value, SERVICES_AFTER_GATEWAY, "the services take the next four ports");
            } else if (arg.startsWith("--kafka-port=")) {
                kafkaPort = port(arg, value, 1, "the broker's controller takes the next port");
            } else if (arg.startsWith("--mongodb-port=")) {
                mongodbPort = port(arg, value, 0, null);
            } else {
                throw new LaunchException("unknown option '" + arg + "'\n" + USAGE);
            }
        }
        if (dataDir.isBlank()) {
            throw new LaunchException("the data directory (--data-dir or MISTY_DATA_DIR) must not be empty");
        }
        Optional<String> externalKafka = Optional.ofNullable(kafka).filter(s -> !s.isBlank());
        Optional<String> externalMongodb = Optional.ofNullable(mongodb).filter(s -> !s.isBlank());
        Optional<String> adminPassword = Optional.ofNullable(env.get("MISTY_ADMIN_PASSWORD")).filter(s -> !s.isEmpty());
        adminPassword.flatMap(password -> PasswordRules.violation(password, BOOTSTRAP_ADMIN_USERNAME))
                .ifPresent(rule -> {
                    throw new LaunchException("MISTY_ADMIN_PASSWORD is refused: " + rule + " (the bootstrap user is '"
                            + BOOTSTRAP_ADMIN_USERNAME + "')");
                });
        int lastServicePort = gatewayPort + replicas * ServiceSpec.PORTS_PER_REPLICA - 1;
        if (lastServicePort > 65535) {
            throw new LaunchException("--port=" + gatewayPort + " leaves no room for " + replicas + " replicas: they take"
                    + " the ports " + gatewayPort + "-" + lastServicePort + " (a port is a number up to 65535)");
        }
        requireSeparate(gatewayPort, lastServicePort, externalKafka.isEmpty() ? kafkaPort : -1,
                externalMongodb.isEmpty() ? mongodbPort : -1);
        return new SuiteOptions(workingDir, workingDir.resolve(dataDir).toAbsolutePath().normalize(),
                externalKafka, externalMongodb, gatewayPort, kafkaPort, mongodbPort, adminPassword, demo, replicas,
                env.getOrDefault("MISTY_SERVICE_JVM_OPTS", DEFAULT_SERVICE_JVM_OPTIONS), Map.of());
    }

    private static int replicas(String arg, String value) {
        try {
            int replicas = Integer.parseInt(value.trim());
            if (replicas >= 1 && replicas <= ServiceSpec.MAX_REPLICAS) {
                return replicas;
            }
        } catch (NumberFormatException notANumber) {
            // refused below with the rule
        }
        throw new LaunchException("'" + arg + "' is refused: replicas is a number from 1 to " + ServiceSpec.MAX_REPLICAS);
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new LaunchException(name + "='" + value + "' is not a flag: use true or false");
    }

    /**
     * A port given on the command line; {@code following} more ports after it are taken too, so the highest
     * acceptable value leaves room for them.
     */
    private static int port(String arg, String value, int following, String why) {
        int highest = 65535 - following;
        String rule = "a port is a number from 1 to " + highest + (why == null ? "" : " (" + why + ")");
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= highest) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            throw new LaunchException("'" + arg + "' is not a port number: " + rule);
        }
        throw new LaunchException("'" + arg + "' is out of range: " + rule);
    }

    /** The gateway's and services' block of ports (five per replica), the broker's two and the stand-in's one must not overlap. */
    private static void requireSeparate(int gatewayPort, int lastServicePort, int kafkaPort, int mongodbPort) {
        if (kafkaPort >= 0 && kafkaPort + 1 >= gatewayPort && kafkaPort <= lastServicePort) {
            throw new LaunchException("the Kafka ports " + kafkaPort + "-" + (kafkaPort + 1) + " overlap the gateway's and"
                    + " services' ports " + gatewayPort + "-" + lastServicePort + ": choose another --port or --kafka-port");
        }
        if (mongodbPort >= gatewayPort && mongodbPort <= lastServicePort) {
            throw new LaunchException("the MongoDB port " + mongodbPort + " is one of the gateway's and services' ports "
                    + gatewayPort + "-" + lastServicePort + ": choose another --port or --mongodb-port");
        }
        if (kafkaPort >= 0 && mongodbPort >= kafkaPort && mongodbPort <= kafkaPort + 1) {
            throw new LaunchException("the MongoDB port " + mongodbPort + " is one of the Kafka ports " + kafkaPort + "-"
                    + (kafkaPort + 1) + ": choose another --kafka-port or --mongodb-port");
        }
    }

    /** The same options with extra environment for every service (added to what the launcher sets). */
    public SuiteOptions withServiceEnvironment(Map<String, String> environment) {
        return new SuiteOptions(home, dataDir, externalKafka, externalMongodb, gatewayPort, kafkaPort, mongodbPort,
                adminPassword, demo, replicas, serviceJvmOptions, Map.copyOf(environment));
    }

    public String kafkaBootstrap() {
        return externalKafka.orElse("127.0.0.1:" + kafkaPort);
    }

    public String mongodbUri() {
        return externalMongodb.orElse("mongodb://127.0.0.1:" + mongodbPort);
    }
}
