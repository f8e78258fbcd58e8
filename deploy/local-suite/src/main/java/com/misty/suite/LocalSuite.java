package com.misty.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Runs the whole suite on one machine: a real Kafka broker (KRaft) and the MongoDB stand-in (H2 file
 * backend) as child processes, unless external ones are named, then the five services; waits until every
 * service is ready, prints how to use it, and stops everything on Ctrl-C.
 */
public final class LocalSuite {

    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(180);

    private final SuiteOptions options;
    private final List<ChildProcess> children = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile boolean stopping;

    LocalSuite(SuiteOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(SuiteOptions.USAGE);
            return;
        }
        LocalSuite suite = null;
        try {
            suite = new LocalSuite(SuiteOptions.parse(args, System.getenv(), Path.of("").toAbsolutePath()));
            LocalSuite running = suite;
            Runtime.getRuntime().addShutdownHook(new Thread(running::stopAll, "suite-shutdown"));
            suite.start();
            suite.superviseUntilStopped();
        } catch (LaunchException e) {
            if (suite != null && suite.stopping) {
                return; // Ctrl-C: the shutdown hook is already stopping everything
            }
            System.err.println("error: " + e.getMessage());
            if (suite != null) {
                suite.stopAll();
            }
            System.exit(1);
        }
    }

    void start() {
        Instant started = Instant.now();
        checkBuilt();
        checkPorts();
        SuiteSecrets secrets = SuiteSecrets.ensure(options.dataDir(), System.getenv("MISTY_ADMIN_PASSWORD"));
        if (options.externalMongodb().isEmpty()) {
            startMongoStandIn();
        }
        if (options.externalKafka().isEmpty()) {
            startKafkaBroker();
        }
        Map<String, String> env = serviceEnvironment(secrets);
        for (ServiceSpec service : ServiceSpec.ALL) {
            List<String> jvm = new ArrayList<>(Arrays.asList(options.serviceJvmOptions().trim().split("\\s+")));
            children.add(ChildProcess.startJava(service.module(), jvm,
                    List.of("-jar", service.runnableJar(options.home()).toString()), env, logFile(service.module())));
        }
        for (ServiceSpec service : ServiceSpec.ALL) {
            ChildProcess child = child(service.module());
            awaitUntil(child, SERVICES_TIMEOUT, () -> isReady(service), "did not become ready");
        }
        printBanner(secrets, Duration.between(started, Instant.now()));
    }

    private void checkBuilt() {
        for (ServiceSpec service : ServiceSpec.ALL) {
            if (!Files.isRegularFile(service.runnableJar(options.home()))) {
                throw new LaunchException(service.module() + " is not built (" + service.runnableJar(options.home())
                        + " missing); run ./mvnw -DskipTests package or use ./run-suite.sh");
            }
        }
    }

    private void checkPorts() {
        for (ServiceSpec service : ServiceSpec.ALL) {
            PortCheck.requireFree(service.port(), service.module());
        }
        if (options.externalKafka().isEmpty()) {
            PortCheck.requireFree(options.kafkaPort(), "Kafka broker");
            PortCheck.requireFree(options.kafkaPort() + 1, "Kafka controller");
        }
        if (options.externalMongodb().isEmpty()) {
            PortCheck.requireFree(options.mongodbPort(), "MongoDB stand-in");
        }
    }

    private void startMongoStandIn() {
        ChildProcess mongo = ChildProcess.startJava("MongoDB stand-in", infrastructureJvm("128m"),
                List.of("com.misty.suite.MongoStandInMain", String.valueOf(options.mongodbPort()),
                        options.dataDir().resolve("mongodb/standin.mv").toString()),
                Map.of(), logFile("mongodb"));
        children.add(mongo);
        awaitUntil(mongo, INFRASTRUCTURE_TIMEOUT, () -> PortCheck.accepts(options.mongodbPort()), "did not start");
    }

    private void startKafkaBroker() {
        ChildProcess kafka = ChildProcess.startJava("Kafka broker", infrastructureJvm("256m"),
                List.of("com.misty.suite.KafkaBrokerMain", String.valueOf(options.kafkaPort()),
                        String.valueOf(options.kafkaPort() + 1), options.dataDir().resolve("kafka").toString()),
                Map.of(), logFile("kafka"));
        children.add(kafka);
        awaitUntil(kafka, INFRASTRUCTURE_TIMEOUT, () -> PortCheck.accepts(options.kafkaPort()), "did not start");
    }

    private List<String> infrastructureJvm(String heap) {
        return List.of("-Xms32m", "-Xmx" + heap, "-XX:+UseSerialGC", "-Xss512k",
                "-cp", System.getProperty("java.class.path"));
    }

    private Map<String, String> serviceEnvironment(SuiteSecrets secrets) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", options.mongodbUri());
        env.put("KAFKA_BOOTSTRAP_SERVERS", options.kafkaBootstrap());
        // A small machine: a handful of users, not hundreds of connections per service.
        env.put("QUARKUS_MONGODB_MIN_POOL_SIZE", "2");
        env.put("QUARKUS_MONGODB_MAX_POOL_SIZE", "20");
        env.put("MISTY_JWT_SIGNING_KEY_FILE", secrets.signingKey().toString());
        env.put("MISTY_JWT_PUBLIC_KEY_FILE", secrets.publicKey().toString());
        env.put("MISTY_ADMIN_BOOTSTRAP_PASSWORD", secrets.adminPassword());
        return env;
    }

    private boolean isReady(ServiceSpec service) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(service.readinessUrl()))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitUntil(ChildProcess child, Duration timeout, BooleanSupplier condition, String failure) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new LaunchException(child.name() + " failed to start (exit code " + child.exitCode() + "): "
                        + child.lastLogLine() + " [log: " + options.home().relativize(child.log()) + "]");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchException(child.name() + " " + failure + " within " + timeout.toSeconds() + " s: "
                        + child.lastLogLine() + " [log: " + options.home().relativize(child.log()) + "]");
            }
            sleep(250);
        }
    }

    /** Waits until Ctrl-C; if a child dies on its own, says which and stops the rest (a half suite misleads). */
    private void superviseUntilStopped() {
        while (!stopping) {
            for (ChildProcess child : children) {
                if (!child.isAlive() && !stopping) {
                    sleep(500); // on Ctrl-C the children see the signal too; let our own shutdown hook win
                }
                if (!child.isAlive() && !stopping) {
                    throw new LaunchException(child.name() + " stopped unexpectedly (exit code " + child.exitCode()
                            + "): " + child.lastLogLine() + " [log: " + options.home().relativize(child.log()) + "]");
                }
            }
            sleep(1000);
        }
    }

    /** Services first (they flush their outboxes and close cleanly), then the broker and the stand-in. */
    synchronized void stopAll() {
        if (stopping && children.isEmpty()) {
            return;
        }
        stopping = true;
        List<ChildProcess> reversed = new ArrayList<>(children);
        java.util.Collections.reverse(reversed);
        if (!reversed.isEmpty()) {
            System.out.println("Stopping the suite...");
        }
        reversed.parallelStream().filter(c -> ServiceSpec.ALL.stream().anyMatch(s -> s.module().equals(c.name())))
                .forEach(c -> c.stop(20));
        reversed.forEach(c -> c.stop(20));
        children.clear();
    }

    private ChildProcess child(String name) {
        return children.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private Path logFile(String name) {
        return options.dataDir().resolve("logs").resolve(name + ".log");
    }

    private void printBanner(SuiteSecrets secrets, Duration took) {
        System.out.printf("""

                Misty Manufacturing suite is ready (%d s).
                  Gateway:    http://localhost:8080   (services on 8081-8084; OpenAPI at /q/openapi on each)
                  Kafka:      %s%s
                  MongoDB:    %s%s
                  Log in:     curl -s -X POST http://localhost:8080/api/auth/login -H 'Content-Type: application/json' \\
                                -d '{"username":"admin","password":"%s"}'
                              (admin password from MISTY_ADMIN_PASSWORD, else kept in %s)
                  Logs:       %s
                Press Ctrl-C to stop everything.
                %n""",
                took.toSeconds(), options.kafkaBootstrap(), options.externalKafka().isPresent() ? " (external)" : "",
                options.mongodbUri(), options.externalMongodb().isPresent() ? " (external)" : " (stand-in)",
                secrets.adminPassword(), options.home().relativize(options.dataDir().resolve("keys/admin-password")),
                options.home().relativize(options.dataDir().resolve("logs")));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
