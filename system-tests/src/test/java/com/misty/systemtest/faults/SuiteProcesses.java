package com.misty.systemtest.faults;

import com.misty.suite.LocalSuite;
import com.misty.systemtest.RunningSuite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Fault injection on the shared suite's processes, and the readiness checks that tell when they are back. */
public final class SuiteProcesses {

    /** The services that keep data in MongoDB (the gateway holds none). */
    static final List<String> DATA_SERVICES = List.of("auth-service", "inventory-service", "payroll-service", "order-service");
    static final List<String> ALL_SERVICES = List.of("auth-service", "inventory-service", "payroll-service",
            "order-service", "gateway");
    private static final Duration READY_DEADLINE = Duration.ofSeconds(120);

    private SuiteProcesses() {
    }

    /**
     * Starts again whatever a test killed or stopped (infrastructure first) and waits until every service is
     * ready, so the next test class finds the suite whole: called from the fault tests' finally blocks.
     */
    public static void restoreEverything(RunningSuite suite) {
        LocalSuite processes = suite.processes();
        for (String name : List.of(LocalSuite.MONGODB, LocalSuite.KAFKA)) {
            if (!processes.processIds().containsKey(name)) {
                processes.restart(name);
            }
        }
        List<String> everyReplica = ALL_SERVICES.stream().flatMap(s -> processes.replicaNames(s).stream()).toList();
        for (String service : everyReplica) {
            if (!processes.processIds().containsKey(service)) {
                processes.restart(service);
            }
        }
        for (String service : everyReplica) {
            awaitReadiness(suite, service, 200, READY_DEADLINE);
        }
    }

    /** The status of a service's own {@code /q/health/ready} (reached directly, not through the gateway); -1 if no answer. */
    static int readiness(RunningSuite suite, String module) {
        return readiness(suite, module, Duration.ofSeconds(15));
    }

    /** As {@link #readiness(RunningSuite, String)}, giving up after {@code timeout} (-1). */
    static int readiness(RunningSuite suite, String module, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.processes().serviceUrl(module) + "/q/health/ready"))
                .timeout(timeout).build();
        try {
            return suite.client().http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Polls until the readiness status is {@code wanted}; returns how long that took, or fails at the deadline. */
    static Duration awaitReadiness(RunningSuite suite, String module, int wanted, Duration deadline) {
        Instant started = Instant.now();
        Instant giveUp = started.plus(deadline);
        int last;
        while ((last = readiness(suite, module)) != wanted) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError(module + " readiness stayed " + last + " (wanted " + wanted + ") for "
                        + deadline.toSeconds() + " s; see " + suite.logDirectory().resolve(module + ".log"));
            }
            OrderSagaFixture.pause(Duration.ofMillis(200));
        }
        return Duration.between(started, Instant.now());
    }

    /** Observations go to the test output (and from there into the README's figures), never into assertions. */
    static void observe(String format, Object... args) {
        System.out.printf("[faults] " + format + "%n", args);
    }
}
