package com.misty.systemtest.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.suite.LocalSuite;
import com.misty.systemtest.RunningSuite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka broker dies (SIGKILL) in the middle of a burst of order creations and comes back: orders placed
 * before, during and after the outage all reach CONFIRMED or REJECTED exactly once, because each order's
 * {@code OrderPlaced} waits in its own outbox until the broker acknowledges it, and inventory's and
 * order-service's consumers pick up where their committed offsets left off.
 */
@Order(100)
class KafkaBrokerOutageTest {

    private static final Duration DOWN_BEFORE_PROBES = Duration.ofSeconds(4);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SAGA_DEADLINE = Duration.ofSeconds(120);

    private final RunningSuite suite = RunningSuite.get();

    @Test
    void everyOrderPlacedAroundABrokerCrashReachesItsFinalStateOnce() {
        OrderSagaFixture fixture = OrderSagaFixture.create(suite, "kafka-outage");
        OrderBurst burst = OrderBurst.start(fixture, 2, Duration.ofMillis(400), 40);
        Instant killed = null;
        Instant backUp = null;
        List<OrderBurst.Attempt> attempts;
        try {
            burst.awaitMoreAnswers(10, Duration.ofSeconds(60));
            killed = Instant.now();
            suite.processes().kill(LocalSuite.KAFKA);
            OrderSagaFixture.pause(DOWN_BEFORE_PROBES);
            SuiteProcesses.observe("Kafka down for %d ms: readiness (-1 = no answer within 5 s) order-service %d, "
                            + "inventory-service %d; orders of this burst still pending %d",
                    Duration.between(killed, Instant.now()).toMillis(),
                    SuiteProcesses.readiness(suite, "order-service", PROBE_TIMEOUT),
                    SuiteProcesses.readiness(suite, "inventory-service", PROBE_TIMEOUT), fixture.pendingCount());
            suite.processes().restart(LocalSuite.KAFKA);
            backUp = Instant.now();
            burst.awaitMoreAnswers(5, Duration.ofSeconds(60));
        } finally {
            attempts = burst.stop();
            SuiteProcesses.restoreEverything(suite);
        }
        Instant burstEnded = Instant.now();
        Map<String, JsonNode> finalOrders = fixture.awaitAllFinal(SAGA_DEADLINE);
        SuiteProcesses.observe("Kafka outage: before %s | broker dead or restarting (%d ms) %s | after %s",
                OrderBurst.summary(attempts, Instant.MIN, killed), Duration.between(killed, backUp).toMillis(),
                OrderBurst.summary(attempts, killed, backUp), OrderBurst.summary(attempts, backUp, Instant.MAX));
        SuiteProcesses.observe("Kafka outage: %d orders final %d ms after the burst ended (%d ms after the broker accepted again)",
                finalOrders.size(), Duration.between(burstEnded, Instant.now()).toMillis(),
                Duration.between(backUp, Instant.now()).toMillis());

        assertThat(attempts).as("every creation got an answer").allSatisfy(a ->
                assertThat(a.status()).as("%s", a).isNotEqualTo(-1));
        assertThat(attempts).as("every answer is a 2xx or a 5xx problem+json").allSatisfy(a ->
                assertThat(a.created() || (a.status() >= 500 && a.problem())).as("%s", a).isTrue());
        Instant outageStart = killed;
        Instant outageEnd = backUp;
        assertThat(attempts).as("orders were placed while the broker was away").anySatisfy(a -> assertThat(
                a.created() && a.started().isAfter(outageStart) && a.started().isBefore(outageEnd)).isTrue());
        fixture.assertEverySagaCompletedOnce(OrderBurst.created(attempts), finalOrders);
    }
}
