package com.misty.systemtest;

import com.misty.suite.LaunchException;
import com.misty.suite.LocalSuite;
import com.misty.suite.SuiteOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole suite as real processes (Kafka broker, MongoDB stand-in, five services), started once per test run
 * the way {@code ./run-suite.sh} starts it, on free ports and a fresh data directory under {@code target/}, and
 * stopped when the test JVM exits (also after a failure; the processes also stop themselves if this JVM dies).
 */
public final class RunningSuite {

    /**
     * Access tokens live this long in the system tests (8 h in production), so that tests can prove a user keeps
     * working past expiry by refreshing; every {@link Session} refreshes on its own before this runs out.
     */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(20);

    private static RunningSuite shared;

    private final LocalSuite suite;
    private final SuiteClient client;
    private final Path dataDir;
    private final SuiteOptions options;
    private final Map<String, String> extraEnvironment;

    private RunningSuite(LocalSuite suite, SuiteClient client, Path dataDir, SuiteOptions options,
                         Map<String, String> extraEnvironment) {
        this.suite = suite;
        this.client = client;
        this.dataDir = dataDir;
        this.options = options;
        this.extraEnvironment = extraEnvironment;
    }

    /**
     * Processes of each service in the suite of this test run ({@code -Dmisty.suite.replicas}, 1 by default): the
     * scale-out run of the system tests starts two of each and spreads its requests over both gateways.
     */
    public static final int REPLICAS = Integer.getInteger("misty.suite.replicas", 1);

    /** The suite of this test run, started on first use. */
    public static synchronized RunningSuite get() {
        return get(Map.of());
    }

    /**
     * The suite of this test run, started on first use with {@code extraEnvironment} for every service on top of
     * the system tests' own settings (e.g. a benchmark lifting the per-user rate limit). A suite already running
     * with other extra settings is a mistake of the caller (one suite per test JVM), not silently shared.
     */
    public static synchronized RunningSuite get(Map<String, String> extraEnvironment) {
        if (shared == null) {
            shared = start(Path.of(System.getProperty("misty.suite.data-dir", "target/suite-data")),
                    Map.copyOf(extraEnvironment), REPLICAS == 1 ? List.of() : List.of("--replicas=" + REPLICAS));
        } else if (!shared.extraEnvironment.equals(extraEnvironment)) {
            throw new IllegalStateException("the suite already runs with extra environment " + shared.extraEnvironment
                    + ", not " + extraEnvironment + "; run this class in its own test JVM");
        }
        return shared;
    }

    /**
     * A second suite of its own, beside the shared one, on other free ports and in a fresh {@code dataDir}, for tests
     * that stop and start all of it (cold starts); the caller stops it with {@link #stop()}.
     */
    public static RunningSuite startSeparately(Path dataDir, Map<String, String> extraEnvironment) {
        return startSeparately(dataDir, extraEnvironment, List.of());
    }

    /** As {@link #startSeparately(Path, Map)}, with more of the launcher's own options (e.g. {@code --demo}). */
    public static RunningSuite startSeparately(Path dataDir, Map<String, String> extraEnvironment,
                                               List<String> launcherOptions) {
        return start(dataDir, Map.copyOf(extraEnvironment), launcherOptions);
    }

    private static RunningSuite start(Path relativeDataDir, Map<String, String> extraEnvironment,
                                      List<String> launcherOptions) {
        Path home = Path.of(System.getProperty("misty.suite.home", "..")).toAbsolutePath().normalize();
        Path dataDir = relativeDataDir.toAbsolutePath();
        deleteRecursively(dataDir);
        int gatewayPort = freePortBlock(5);
        int kafkaPort = freePortBlock(2);
        int mongodbPort = freePortBlock(1);
        Map<String, String> environment = new java.util.LinkedHashMap<>(Map.of(
                        "MISTY_AUTH_ACCESS_TOKEN_LIFETIME", ACCESS_TOKEN_LIFETIME.toSeconds() + "s",
                        // Expiry is exact here (30-60 s of tolerated skew in production), so the refresh test is short.
                        "MISTY_GATEWAY_JWT_CLOCK_SKEW", "1s",
                        "MP_JWT_VERIFY_CLOCK_SKEW", "1",
                        // Every simulated user signs in from 127.0.0.1: lift the per-address sign-in limits
                        // (their own tests live in the gateway and auth-service modules).
                        "MISTY_GATEWAY_THROTTLE_CREDENTIAL_BURST", "100000",
                        "MISTY_GATEWAY_THROTTLE_CREDENTIAL_PER_MINUTE", "1000000",
                        "MISTY_AUTH_THROTTLE_ADDRESS_FREE_FAILURES", "100000"));
        if (launcherOptions.stream().anyMatch(option -> option.startsWith("--replicas="))) {
            // Consumer-group members that stop answering leave the group after 6 s (the broker's least; 45 s by
            // default), so the scale-out tests' forced rebalance does not take minutes.
            environment.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
            environment.put("KAFKA_HEARTBEAT_INTERVAL_MS", "2000");
        }
        environment.putAll(extraEnvironment);
        List<String> arguments = new java.util.ArrayList<>(List.of("--data-dir=" + dataDir, "--port=" + gatewayPort,
                "--kafka-port=" + kafkaPort, "--mongodb-port=" + mongodbPort));
        arguments.addAll(launcherOptions);
        SuiteOptions options = SuiteOptions.parse(arguments.toArray(String[]::new), Map.of(), home)
                .withServiceEnvironment(environment);
        LocalSuite suite = new LocalSuite(options);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stopAll, "system-test-suite-shutdown"));
        try {
            suite.start();
        } catch (LaunchException e) {
            suite.stopAll();
            throw new IllegalStateException("The suite did not start: " + e.getMessage()
                    + " (logs in " + dataDir.resolve("logs") + ")", e);
        }
        return new RunningSuite(suite, new SuiteClient(suite.gatewayUrls()), dataDir, options, extraEnvironment);
    }

    /** Stops every process of this suite (services first); for {@link #startSeparately} suites. */
    public void stop() {
        suite.stopAll();
    }

    /** HTTP to the gateway, the only way the tests talk to the suite. */
    public SuiteClient client() {
        return client;
    }

    /** A signed-in session of the bootstrap administrator. */
    public Session admin() {
        return client.login("admin", suite.adminPassword());
    }

    /** What the suite was started with (to start it again on the same data, as a second launch would). */
    public SuiteOptions options() {
        return options;
    }

    /** Fault injection and process details (kill, stop, restart, pids, direct service URLs for benchmarks). */
    public LocalSuite processes() {
        return suite;
    }

    /** The environment every service got on top of the launcher's defaults (what differs from production). */
    public Map<String, String> serviceEnvironment() {
        return options.serviceEnvironment();
    }

    /** The MongoDB stand-in's connection string, for raw reads and benchmarks that bypass the services. */
    public String mongodbUri() {
        return options.mongodbUri();
    }

    /** JVM options of every service process. */
    public String serviceJvmOptions() {
        return options.serviceJvmOptions();
    }

    public Path logDirectory() {
        return dataDir.resolve("logs");
    }

    /**
     * Finds {@code size} consecutive free ports (the suite uses a block: gateway + four services, broker + controller)
     * below the kernel's ephemeral range. A block taken from that range (as {@code new ServerSocket(0)} would give)
     * can be handed out again as the local port of an outgoing connection (a driver connecting to the broker, say)
     * in the seconds before the service binds it, and the service then fails with "port in use".
     */
    private static int freePortBlock(int size) {
        int[] ephemeral = ephemeralPortRange();
        // Below the range if there is room (the usual case), else above it.
        int low = ephemeral[0] - 10_000 > size ? 10_000 : ephemeral[1] + 1;
        int high = ephemeral[0] - 10_000 > size ? ephemeral[0] - size : 65_536 - size;
        if (high <= low) {
            throw new IllegalStateException("no ports outside the ephemeral range " + ephemeral[0] + "-" + ephemeral[1]);
        }
        for (int attempt = 0; attempt < 500; attempt++) {
            int base = java.util.concurrent.ThreadLocalRandom.current().nextInt(low, high);
            if (allFree(base, size)) {
                return base;
            }
        }
        throw new IllegalStateException("no block of " + size + " free ports found in " + low + "-" + high);
    }

    /** Linux's range of ports for outgoing connections; its usual default where it cannot be read. */
    private static int[] ephemeralPortRange() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32768, 60999};
        }
    }

    private static boolean allFree(int base, int size) {
        for (int port = base; port < base + size; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
