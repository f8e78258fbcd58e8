package com.misty.systemtest.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.RunningSuite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service of the order saga crashes (SIGKILL: no clean shutdown, offsets of handled records possibly not
 * committed, a saga attempt possibly half done) while orders are being allocated, and is restarted: every saga
 * completes, and the events it sees again after the restart allocate nothing twice (the stock ledger shows one
 * allocation per order line, and on hand = receipts − allocations + releases).
 */
@Order(101)
class ServiceCrashMidSagaTest {

    private static final Duration SAGA_DEADLINE = Duration.ofSeconds(120);

    private final RunningSuite suite = RunningSuite.get();

    /** Orders keep coming while inventory is dead: their OrderPlaced events wait in Kafka for its restart. */
    @Test
    void inventoryServiceKilledWhileAllocating() {
        OrderSagaFixture fixture = OrderSagaFixture.create(suite, "inventory-crash");
        OrderBurst burst = OrderBurst.start(fixture, 2, Duration.ofMillis(300), 40);
        Instant killed = null;
        Instant backUp = null;
        long pendingAtKill = 0;
        List<OrderBurst.Attempt> attempts;
        try {
            burst.awaitMoreAnswers(15, Duration.ofSeconds(60));
            killed = Instant.now();
            suite.processes().kill("inventory-service");
            pendingAtKill = fixture.pendingCount();
            burst.awaitMoreAnswers(10, Duration.ofSeconds(60));
            suite.processes().restart("inventory-service");
            backUp = Instant.now();
            burst.awaitMoreAnswers(5, Duration.ofSeconds(60));
        } finally {
            attempts = burst.stop();
            SuiteProcesses.restoreEverything(suite);
        }
        Map<String, JsonNode> finalOrders = fixture.awaitAllFinal(SAGA_DEADLINE);
        SuiteProcesses.observe("inventory-service crash: %d orders pending when killed; down and restarting %d ms; "
                        + "all %d orders final %d ms after it was ready again; creations: %s",
                pendingAtKill, Duration.between(killed, backUp).toMillis(), finalOrders.size(),
                Duration.between(backUp, Instant.now()).toMillis(), OrderBurst.summary(attempts, Instant.MIN, Instant.MAX));

        assertThat(attempts).as("every answer is a 2xx or a 5xx problem+json (a busy machine may time out)")
                .allSatisfy(a -> assertThat(a.created() || (a.status() >= 500 && a.problem())).as("%s", a).isTrue());
        Instant outageStart = killed;
        Instant outageEnd = backUp;
        assertThat(attempts).as("order-service kept taking orders while inventory was down").anySatisfy(a -> assertThat(
                a.created() && a.started().isAfter(outageStart) && a.started().isBefore(outageEnd)).isTrue());
        fixture.assertEverySagaCompletedOnce(OrderBurst.created(attempts), finalOrders);
    }

    /**
     * order-service dies right after a burst of placements, while inventory's answers are arriving: answers it
     * handled but had not committed come again after the restart and must change nothing; orders whose
     * OrderPlaced was still in their outbox (perhaps under the dead relay's lease) go out after the restart.
     * Requests sent while it is down get a problem+json from the gateway, never a hang.
     */
    @Test
    void orderServiceKilledWhileInventoryAnswers() {
        OrderSagaFixture fixture = OrderSagaFixture.create(suite, "order-crash");
        List<OrderBurst.Attempt> placed = OrderBurst.start(fixture, 2, Duration.ofMillis(100), 24).finish();

        Instant killed = Instant.now();
        Instant backUp = null;
        long pendingAtKill = fixture.pendingCount();
        List<OrderBurst.Attempt> whileDown;
        try {
            suite.processes().kill("order-service");
            OrderBurst probe = OrderBurst.start(fixture, 2, Duration.ofMillis(500), 6);
            whileDown = probe.finish();
            suite.processes().restart("order-service");
            backUp = Instant.now();
        } finally {
            SuiteProcesses.restoreEverything(suite);
        }
        Map<String, JsonNode> finalOrders = fixture.awaitAllFinal(SAGA_DEADLINE);
        SuiteProcesses.observe("order-service crash: %d of %d orders pending when killed; down and restarting %d ms; "
                        + "requests while down: %s; all final %d ms after it was ready again",
                pendingAtKill, placed.size(), Duration.between(killed, backUp).toMillis(),
                OrderBurst.summary(whileDown, Instant.MIN, Instant.MAX), Duration.between(backUp, Instant.now()).toMillis());

        assertThat(whileDown).as("answers while order-service is down").allSatisfy(a -> assertThat(
                a.status() >= 500 && a.problem()).as("%s", a).isTrue());
        fixture.assertEverySagaCompletedOnce(OrderBurst.created(placed), finalOrders);
    }
}
