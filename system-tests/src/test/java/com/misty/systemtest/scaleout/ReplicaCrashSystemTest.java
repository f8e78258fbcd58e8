package com.misty.systemtest.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.faults.OrderBurst;
import com.misty.systemtest.faults.OrderSagaFixture;
import com.misty.systemtest.faults.SuiteProcesses;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One replica of inventory-service and one of order-service are killed (SIGKILL: no clean shutdown, the saga
 * attempts they were running half done under their leases, their relays' leases held, their partitions' offsets
 * possibly not committed) in the middle of a burst of two-line orders, and restarted. The other replicas carry on:
 * the gateway takes the dead ones out of rotation, the consumer group hands their partitions over, and the
 * surviving inventory replica takes over the dead one's attempts once their leases run out. Every order ends
 * final exactly once and both stock ledgers reconcile.
 */
@Order(103)
class ReplicaCrashSystemTest {

    private static final Duration SAGA_DEADLINE = Duration.ofSeconds(120);

    private final RunningSuite suite = Replicas.suite();

    @Test
    void oneReplicaOfInventoryAndOfOrdersKilledMidBurst() {
        String inventory = Replicas.of(suite, "inventory-service").get(1);
        String orders = Replicas.of(suite, "order-service").get(1);
        OrderSagaFixture fixture = OrderSagaFixture.create(suite, "replica-crash");
        OrderBurst burst = OrderBurst.start(fixture, 3, Duration.ofMillis(150), 90);
        Instant killed = null;
        Instant gone = null;
        Instant backUp = null;
        List<OrderBurst.Attempt> attempts;
        try {
            burst.awaitMoreAnswers(20, Duration.ofSeconds(60));
            killed = Instant.now();
            suite.processes().kill(inventory);
            suite.processes().kill(orders);
            gone = Instant.now();
            burst.awaitMoreAnswers(25, Duration.ofSeconds(60));
            suite.processes().restart(inventory);
            suite.processes().restart(orders);
            backUp = Instant.now();
            burst.awaitMoreAnswers(10, Duration.ofSeconds(60));
        } finally {
            attempts = burst.stop();
            SuiteProcesses.restoreEverything(suite);
        }
        Map<String, JsonNode> finalOrders = fixture.awaitAllFinal(SAGA_DEADLINE);
        Instant outageStart = gone;
        Instant outageEnd = backUp;
        System.out.printf("[scale-out] %s and %s killed for %d ms; started in the 10 s before the kill: %s; while down: %s; all %d"
                        + " orders final %d ms after they were back%n", inventory, orders,
                Duration.between(killed, backUp).toMillis(), OrderBurst.summary(attempts, killed.minusSeconds(10), gone),
                OrderBurst.summary(attempts, outageStart, outageEnd), finalOrders.size(),
                Duration.between(backUp, Instant.now()).toMillis());

        // A POST in flight on a replica when it died may have reached it: the gateway does not send it again (the
        // order might exist), the client gets a 502 problem+json. Every order placed once they were gone is taken.
        assertThat(attempts).as("every answer is a 2xx or a 5xx problem+json (a busy machine may time out)")
                .allSatisfy(a -> assertThat(a.created() || (a.status() >= 500 && a.problem())).as("%s", a).isTrue());
        assertThat(attempts.stream().filter(a -> a.started().isAfter(outageStart) && a.started().isBefore(outageEnd)))
                .as("orders placed while one replica of each was dead: the other replicas took them")
                .isNotEmpty().allSatisfy(a -> assertThat(a.created()).as("%s", a).isTrue());
        fixture.assertEverySagaCompletedOnce(OrderBurst.created(attempts), finalOrders);
    }
}
