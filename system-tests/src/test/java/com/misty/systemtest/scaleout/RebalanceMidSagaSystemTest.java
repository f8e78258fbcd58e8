package com.misty.systemtest.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.faults.OrderBurst;
import com.misty.systemtest.faults.OrderSagaFixture;
import com.misty.systemtest.faults.SuiteProcesses;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer-group rebalance forced in the middle of multi-line sagas: one inventory replica is frozen (SIGSTOP)
 * while it allocates a burst of two-line orders, stays frozen past the group's session timeout (6 s in this run)
 * and past its saga leases (10 s), so the group gives its partitions to the other replica, which takes over the
 * attempts it finds half done; then the frozen replica is let go on (SIGCONT), unaware, in the middle of whatever
 * step it was running. Nothing is done twice: every order is final with one allocation per line, and both ledgers
 * reconcile (an allocation taken twice, or a compensation that returned stock twice, would break them).
 */
@Order(104)
class RebalanceMidSagaSystemTest {

    private static final Duration FROZEN_FOR = Duration.ofSeconds(15);

    private final RunningSuite suite = Replicas.suite();

    @Test
    void aReplicaFrozenPastItsSessionAndItsLeasesChangesNothingTwiceWhenItWakes() throws IOException {
        String frozen = Replicas.of(suite, "inventory-service").get(1);
        OrderSagaFixture fixture = OrderSagaFixture.create(suite, "rebalance");
        OrderBurst burst = OrderBurst.start(fixture, 4, Duration.ofMillis(20), 120);
        List<OrderBurst.Attempt> attempts;
        Instant frozenAt = null;
        try {
            burst.awaitMoreAnswers(30, Duration.ofSeconds(60));
            frozenAt = Instant.now();
            suite.processes().pause(frozen);
            OrderSagaFixture.pause(FROZEN_FOR);
            suite.processes().resume(frozen);
            attempts = burst.finish();
        } finally {
            burst.stop();
            SuiteProcesses.restoreEverything(suite);
        }
        Map<String, JsonNode> finalOrders = fixture.awaitAllFinal(Duration.ofSeconds(120));
        System.out.printf("[scale-out] %s frozen %d s from %s; %d orders; take-overs logged: %d by %s, %d by %s%n",
                frozen, FROZEN_FOR.toSeconds(), frozenAt, finalOrders.size(),
                takeOvers("inventory-service"), "inventory-service", takeOvers(frozen), frozen);

        fixture.assertEverySagaCompletedOnce(OrderBurst.created(attempts), finalOrders);
        assertThat(OrderBurst.created(attempts)).as("orders placed (inventory's freeze does not stop order-service)")
                .hasSize(120);
    }

    /** How many attempts a replica took over from another (its log says so at INFO). */
    private long takeOvers(String replica) throws IOException {
        Path log = suite.logDirectory().resolve(replica + ".log");
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("Took over the attempt")).count();
        }
    }
}
