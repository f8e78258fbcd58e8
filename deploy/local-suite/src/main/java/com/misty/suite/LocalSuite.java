package com.misty.suite;

import com.misty.suite.demo.DemoSeeder;

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

    /** Names of the two infrastructure processes (the services are named by their module). */
    public static final String KAFKA = "Kafka broker";
    public static final String MONGODB = "MongoDB stand-in";

    private final SuiteOptions options;
    private volatile SuiteSecrets secrets;
    private volatile List<DemoSeeder.DemoUser> demoUsers = List.of();
    private final List<ChildProcess> children = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile boolean stopping;

    public LocalSuite(SuiteOptions options) {
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

    /** Starts everything and returns once every service reports ready; throws {@link LaunchException} if not. */
    public void start() {
        Instant started = Instant.now();
        checkBuilt();
        DataDirectory.requireUsable(options.dataDir());
        checkPorts();
        SuiteSecrets secrets = SuiteSecrets.ensure(options.dataDir(), options.adminPassword().orElse(null));
        this.secrets = secrets;
        if (options.externalMongodb().isEmpty()) {
            launch(MONGODB);
        }
        if (options.externalKafka().isEmpty()) {
            launch(KAFKA);
        }
        for (ServiceSpec service : services()) {
            children.add(startService(service));
        }
        // Several replicas start at once on the same cores: each takes longer.
        Duration timeout = SERVICES_TIMEOUT.multipliedBy(options.replicas());
        for (ServiceSpec service : services()) {
            awaitUntil(child(service.name()), timeout, () -> isReady(service), "did not become ready");
        }
        if (options.demo()) {
            System.out.println("Seeding the demo data through the API (adds only what is missing)...");
            demoUsers = DemoSeeder.seed(gatewayUrl(), secrets.adminPassword(), options.dataDir().resolve("keys"));
        }
        printBanner(secrets, Duration.between(started, Instant.now()));
    }

    /** The demo users with their passwords and roles; empty without {@code --demo}. */
    public List<DemoSeeder.DemoUser> demoUsers() {
        return demoUsers;
    }

    private void checkBuilt() {
        for (ServiceSpec service : ServiceSpec.ALL) {
            if (!Files.isRegularFile(service.runnableJar(options.home()))) {
                throw new LaunchException(service.module() + " is not built (" + service.runnableJar(options.home())
                        + " missing); run ./mvnw -DskipTests package or use ./run-suite.sh");
            }
        }
    }

    /** Every service process of this suite, replica 1 of each first. */
    private List<ServiceSpec> services() {
        return ServiceSpec.instances(options.replicas());
    }

    private void checkPorts() {
        for (ServiceSpec service : services()) {
            PortCheck.requireFree(service.port(options.gatewayPort()), service.name());
        }
        if (options.externalKafka().isEmpty()) {
            PortCheck.requireFree(options.kafkaPort(), "Kafka broker");
            PortCheck.requireFree(options.kafkaPort() + 1, "Kafka controller");
        }
        if (options.externalMongodb().isEmpty()) {
            PortCheck.requireFree(options.mongodbPort(), "MongoDB stand-in");
        }
    }

    /** Starts one process of the suite by name ({@link #KAFKA}, {@link #MONGODB} or a service module). */
    private void launch(String name) {
        if (MONGODB.equals(name)) {
            ChildProcess mongo = ChildProcess.startJava(MONGODB, infrastructureJvm("128m"),
                    List.of("com.misty.suite.MongoStandInMain", String.valueOf(options.mongodbPort()),
                            options.dataDir().resolve("mongodb/standin.mv").toString()),
                    Map.of(), logFile("mongodb"));
            children.add(mongo);
            awaitUntil(mongo, INFRASTRUCTURE_TIMEOUT, () -> PortCheck.accepts(options.mongodbPort()), "did not start");
        } else if (KAFKA.equals(name)) {
            ChildProcess kafka = ChildProcess.startJava(KAFKA, infrastructureJvm("256m"),
                    List.of("com.misty.suite.KafkaBrokerMain", String.valueOf(options.kafkaPort()),
                            String.valueOf(options.kafkaPort() + 1), options.dataDir().resolve("kafka").toString()),
                    Map.of(), logFile("kafka"));
            children.add(kafka);
            awaitUntil(kafka, INFRASTRUCTURE_TIMEOUT, () -> PortCheck.accepts(options.kafkaPort()), "did not start");
        } else {
            ServiceSpec service = ServiceSpec.named(name);
            ChildProcess child = startService(service);
            children.add(child);
            awaitUntil(child, SERVICES_TIMEOUT, () -> isReady(service), "did not become ready");
        }
    }

    private ChildProcess startService(ServiceSpec service) {
        List<String> jvm = new ArrayList<>(Arrays.asList(options.serviceJvmOptions().trim().split("\\s+")));
        return ChildProcess.startJava(service.name(), jvm,
                List.of("-jar", service.runnableJar(options.home()).toString()), serviceEnvironment(service),
                logFile(service.name()));
    }

    // --- control of single processes, for operators' scripts and the system tests' fault injection ---

    /** Kills one process at once (SIGKILL: no shutdown hooks, no clean close), as a crash would. */
    public void kill(String name) {
        ChildProcess child = child(name);
        children.remove(child);
        child.kill();
    }

    /** Stops one process cleanly (SIGTERM), as an operator's restart would. */
    public void stop(String name) {
        ChildProcess child = child(name);
        children.remove(child);
        child.stop(20);
    }

    /**
     * Freezes one process (SIGSTOP): it keeps its sockets and whatever it holds but does nothing, as in a long GC
     * pause or a frozen VM; its consumer-group heartbeats stop, so the group moves its partitions elsewhere.
     */
    public void pause(String name) {
        signal(child(name), "STOP");
    }

    /** Lets a paused process go on (SIGCONT) where it stopped, unaware of the time that passed. */
    public void resume(String name) {
        signal(child(name), "CONT");
    }

    private static void signal(ChildProcess child, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + child.name() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal " + child.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Starts a process that was killed or stopped again, with the same data, and waits until it is up. */
    public void restart(String name) {
        if (children.stream().anyMatch(c -> c.name().equals(name))) {
            throw new IllegalStateException(name + " is still running; kill or stop it first");
        }
        launch(name);
    }

    /**
     * Starts a stopped service and returns at once, without waiting until it is ready: for tests of what a service
     * answers while it starts, or while another (auth-service, say) is still down.
     */
    public void startWithoutWaiting(String module) {
        if (children.stream().anyMatch(c -> c.name().equals(module))) {
            throw new IllegalStateException(module + " is still running; kill or stop it first");
        }
        children.add(startService(ServiceSpec.named(module)));
    }

    /** Process ids by name, e.g. to read their resident memory. */
    public Map<String, Long> processIds() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        children.forEach(c -> pids.put(c.name(), c.pid()));
        return pids;
    }

    /** The first gateway's URL (the only one unless the suite runs several replicas). */
    public String gatewayUrl() {
        return ServiceSpec.named("gateway").baseUrl(options.gatewayPort());
    }

    /** Every gateway replica's URL, replica 1 first. */
    public List<String> gatewayUrls() {
        return services().stream().filter(ServiceSpec::isGateway).map(s -> s.baseUrl(options.gatewayPort())).toList();
    }

    /**
     * Names of the processes of one service module, replica 1 first ({@code inventory-service},
     * {@code inventory-service-2}, ...), for fault injection on one replica.
     */
    public List<String> replicaNames(String module) {
        return services().stream().filter(s -> s.module().equals(module)).map(ServiceSpec::name).toList();
    }

    /**
     * Base URL of one service process, to reach it without the gateway (benchmarks, readiness checks): by module
     * (replica 1) or by replica name ({@code inventory-service-2}).
     */
    public String serviceUrl(String name) {
        return ServiceSpec.named(name).baseUrl(options.gatewayPort());
    }

    public String adminPassword() {
        return secrets.adminPassword();
    }

    public Path logDirectory() {
        return options.dataDir().resolve("logs");
    }

    private List<String> infrastructureJvm(String heap) {
        return List.of("-Xms32m", "-Xmx" + heap, "-XX:+UseSerialGC", "-Xss512k",
                SuiteOptions.QUICK_JIT_ONLY, "-cp", System.getProperty("java.class.path"));
    }

    private Map<String, String> serviceEnvironment(ServiceSpec service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port(options.gatewayPort())));
        if (!service.isGateway()) {
            // A service the gateway routes to is no entry point of its own: it listens on loopback only.
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        }
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", options.mongodbUri());
        env.put("KAFKA_BOOTSTRAP_SERVERS", options.kafkaBootstrap());
        // A small machine: a handful of users, not hundreds of connections per service.
        env.put("QUARKUS_MONGODB_MIN_POOL_SIZE", "2");
        env.put("QUARKUS_MONGODB_MAX_POOL_SIZE", "20");
        env.put("MISTY_JWT_SIGNING_KEY_FILE", secrets.signingKey().toString());
        env.put("MISTY_JWT_PUBLIC_KEY_FILE", secrets.publicKey().toString());
        env.put("MISTY_ADMIN_BOOTSTRAP_PASSWORD", secrets.adminPassword());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                ServiceSpec.named("auth-service").baseUrl(options.gatewayPort()) + "/api/auth/jwks");
        // Each route lists every replica of its service; the gateway spreads requests over those that are ready.
        for (ServiceSpec routed : ServiceSpec.ALL) {
            if (!routed.isGateway()) {
                env.put(routed.routeVariable(), String.join(",", services().stream()
                        .filter(s -> s.module().equals(routed.module())).map(s -> s.baseUrl(options.gatewayPort())).toList()));
            }
        }
        env.putAll(options.serviceEnvironment());
        return env;
    }

    private boolean isReady(ServiceSpec service) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(service.readinessUrl(options.gatewayPort())))
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
                        + child.failureCause() + " [log: " + options.home().relativize(child.log()) + "]");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchException(child.name() + " " + failure + " within " + timeout.toSeconds() + " s: "
                        + child.failureCause() + " [log: " + options.home().relativize(child.log()) + "]");
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
                            + "): " + child.failureCause() + " [log: " + options.home().relativize(child.log()) + "]");
                }
            }
            sleep(1000);
        }
    }

    /** Services first (they flush their outboxes and close cleanly), then the broker and the stand-in. */
    public synchronized void stopAll() {
        if (stopping && children.isEmpty()) {
            return;
        }
        stopping = true;
        List<ChildProcess> reversed = new ArrayList<>(children);
        java.util.Collections.reverse(reversed);
        if (!reversed.isEmpty()) {
            System.out.println("Stopping the suite...");
        }
        reversed.parallelStream().filter(c -> ServiceSpec.isService(c.name()))
                .forEach(c -> c.stop(20));
        reversed.forEach(c -> c.stop(20));
        children.clear();
    }

    private ChildProcess child(String name) {
        return children.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not running"));
    }

    private Path logFile(String name) {
        return options.dataDir().resolve("logs").resolve(name + ".log");
    }

    private void printBanner(SuiteSecrets secrets, Duration took) {
        System.out.printf("""

                Misty Manufacturing suite is ready (%d s).
                  Web UI:     http://localhost:%d/   (sign in as admin or a demo user below)
                  Gateway:    http://localhost:%d/api   (services on %d-%d; OpenAPI at /q/openapi on each)%s
                  Kafka:      %s%s
                  MongoDB:    %s%s
                  Log in:     curl -s -X POST http://localhost:%d/api/auth/login -H 'Content-Type: application/json' \\
                                -d '{"username":"admin","password":"%s"}'
                              (admin password from MISTY_ADMIN_PASSWORD, else kept in %s)
                  Logs:       %s
                %sPress Ctrl-C to stop everything.
                %n""",
                took.toSeconds(), options.gatewayPort(), options.gatewayPort(), options.gatewayPort() + 1,
                options.gatewayPort() + options.replicas() * ServiceSpec.PORTS_PER_REPLICA - 1, replicaLine(),
                options.kafkaBootstrap(), options.externalKafka().isPresent() ? " (external)" : "",
                options.mongodbUri(), options.externalMongodb().isPresent() ? " (external)" : " (stand-in)",
                options.gatewayPort(),
                secrets.adminPassword(), options.home().relativize(options.dataDir().resolve("keys/admin-password")),
                options.home().relativize(options.dataDir().resolve("logs")), demoLines());
    }

    private String replicaLine() {
        if (options.replicas() == 1) {
            return "";
        }
        return String.format("%n  Replicas:   %d of every service; gateways at %s (each routes to every replica)",
                options.replicas(), String.join(", ", gatewayUrls()));
    }

    private String demoLines() {
        if (demoUsers.isEmpty()) {
            return "";
        }
        StringBuilder lines = new StringBuilder("  Demo users (passwords kept in ")
                .append(options.home().relativize(options.dataDir().resolve("keys/demo-passwords"))).append("):\n");
        for (DemoSeeder.DemoUser user : demoUsers) {
            lines.append(String.format("    %-16s %-18s %-11s %s%n", user.username(), user.password(), user.role(), user.what()));
        }
        return lines.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
