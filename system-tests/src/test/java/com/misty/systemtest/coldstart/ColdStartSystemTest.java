package com.misty.systemtest.coldstart;

import com.misty.suite.LocalSuite;
import com.misty.systemtest.Response;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "the gateway refuses valid tokens for the first seconds after a start": a suite of its own (fresh data
 * directory, own ports) started, restarted with its data, and started in the wrong order (gateway and a service
 * before auth-service). The moment every readiness check says 200, a token issued by auth-service is accepted
 * through the gateway and directly by every service; while a process cannot check tokens yet it answers 503 with
 * {@code Retry-After}, never 401 (which a UI must take as "your session is over"); a bad token is 401 in every state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ColdStartSystemTest {

    /** Long enough that a token issued before a restart is still valid after it, however slow the machine. */
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    private static final Duration READY_DEADLINE = Duration.ofSeconds(180);
    private static final List<String> SERVICES = List.of("auth-service", "inventory-service", "payroll-service",
            "order-service", "gateway");
    private static final String GATEWAY = "gateway";

    private static RunningSuite suite;
    private static Probe probe;

    @BeforeAll
    static void startASuiteOfItsOwn() {
        suite = RunningSuite.startSeparately(Path.of("target/cold-start-data"), Map.of(
                "MISTY_AUTH_ACCESS_TOKEN_LIFETIME", TOKEN_LIFETIME.toSeconds() + "s"));
        probe = new Probe(suite);
    }

    @AfterAll
    static void stopIt() {
        if (suite != null) {
            suite.stop();
        }
    }

    @Test
    @Order(1)
    void aFreshStartAcceptsATokenTheMomentEveryServiceIsReady() {
        // startSeparately returned the moment the launcher saw every readiness check at 200 (fresh data directory).
        assertEverythingAcceptsAFreshToken("fresh start");
    }

    @Test
    @Order(2)
    void restartsWithTheDataKeptAcceptTokensTheMomentEveryServiceIsReady() {
        Session before = suite.admin();
        for (int round = 1; round <= 2; round++) {
            LocalSuite processes = suite.processes();
            SERVICES.forEach(processes::stop);
            SERVICES.forEach(processes::startWithoutWaiting);
            // While they start, a token issued before the restart may meet a refused connection, a 502 or a 503,
            // never a 401: the token is good, only the gateway and the services are not there yet.
            Map<Integer, Integer> seen = awaitAllReady(before.accessToken());
            assertThat(seen).as("gateway answers to a good token while the suite restarted (status -> count)")
                    .doesNotContainKey(401);
            assertEverythingAccepts(before.accessToken(), "token issued before restart " + round);
            assertEverythingAcceptsAFreshToken("restart " + round + " with the data kept");
        }
    }

    @Test
    @Order(3)
    void gatewayAndAServiceStartedBeforeAuthServiceAnswer503UntilItIsUpThenAcceptAtOnce() {
        String good = suite.admin().accessToken();
        List<String> bad = BadTokens.of(good);
        LocalSuite processes = suite.processes();
        for (String module : List.of(GATEWAY, "inventory-service", "auth-service")) {
            processes.stop(module);
        }
        processes.startWithoutWaiting(GATEWAY);
        processes.startWithoutWaiting("inventory-service");
        awaitAnswering(GATEWAY);
        awaitAnswering("inventory-service");

        // Auth-service is down: neither can load the signing keys. Several rounds over some seconds, so a refetch
        // interval or a cached failure would show.
        Instant until = Instant.now().plusSeconds(6);
        int rounds = 0;
        while (Instant.now().isBefore(until) || rounds < 3) {
            assertThat(probe.readiness(GATEWAY)).as("gateway readiness without auth-service").isEqualTo(503);
            assertThat(probe.readiness("inventory-service")).as("inventory readiness without auth-service")
                    .isEqualTo(503);
            assertNotYet(probe.viaGateway("/api/stock?page=0&size=5", good));
            assertNotYet(probe.direct("inventory-service", "/api/stock?page=0&size=5", good));
            for (String token : bad) {
                assertRefused(probe.viaGateway("/api/stock?page=0&size=5", token), "gateway, keys missing");
                assertRefused(probe.direct("inventory-service", "/api/stock?page=0&size=5", token),
                        "inventory-service, keys missing");
            }
            rounds++;
            pause(Duration.ofMillis(500));
        }

        processes.startWithoutWaiting("auth-service");
        awaitAllReady(good);
        assertEverythingAccepts(good, "token issued before auth-service went down");
        for (String token : bad) {
            assertRefused(probe.viaGateway("/api/stock?page=0&size=5", token), "gateway, keys loaded");
            assertRefused(probe.direct("inventory-service", "/api/stock?page=0&size=5", token),
                    "inventory-service, keys loaded");
        }
        assertEverythingAcceptsAFreshToken("after auth-service came up last");
    }

    /** Signs in through the gateway at once and uses the new token everywhere at once. */
    private static void assertEverythingAcceptsAFreshToken(String when) {
        assertEverythingAccepts(suite.admin().accessToken(), when);
    }

    private static void assertEverythingAccepts(String token, String when) {
        List<Response> answers = new ArrayList<>();
        for (Probe.Read read : Probe.READS) {
            answers.add(probe.viaGateway(read.path(), token));
            answers.add(probe.direct(read.module(), read.path(), token));
        }
        assertThat(answers).as(when + ": every read through the gateway and directly on the service")
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
    }

    private static void assertNotYet(Response answer) {
        assertThat(answer.status()).as("a good token while the keys are missing: " + answer).isEqualTo(503);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.header("Retry-After")).as(answer.toString()).isPresent();
    }

    private static void assertRefused(Response answer, String where) {
        assertThat(answer.status()).as(where + ": a bad token: " + answer).isEqualTo(401);
    }

    /**
     * Polls every service's readiness until all are 200, sending a request with {@code token} through the gateway
     * on each poll; returns how often each gateway status was seen (-1: no connection).
     */
    private static Map<Integer, Integer> awaitAllReady(String token) {
        Map<Integer, Integer> seen = new TreeMap<>();
        Instant deadline = Instant.now().plus(READY_DEADLINE);
        while (!SERVICES.stream().allMatch(module -> probe.readiness(module) == 200)) {
            seen.merge(probe.gatewayStatus("/api/stock?page=0&size=5", token), 1, Integer::sum);
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not every service ready within " + READY_DEADLINE.toSeconds() + " s; logs in "
                        + suite.logDirectory());
            }
            pause(Duration.ofMillis(50));
        }
        return seen;
    }

    private static void awaitAnswering(String module) {
        Instant deadline = Instant.now().plus(READY_DEADLINE);
        while (probe.readiness(module) == -1) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(module + " never answered; see " + suite.logDirectory().resolve(module + ".log"));
            }
            pause(Duration.ofMillis(100));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
