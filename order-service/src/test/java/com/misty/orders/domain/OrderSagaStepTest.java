package com.misty.orders.domain;

import com.misty.contracts.inventory.AllocatedLine;
import com.misty.contracts.inventory.StockShortage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.misty.orders.domain.OrderEditPolicyTest.line;
import static com.misty.orders.domain.OrderEditPolicyTest.order;
import static org.assertj.core.api.Assertions.assertThat;

class OrderSagaStepTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final List<AllocatedLine> ALLOCATED = List.of(new AllocatedLine(1, "P", "a-1", 5));

    @Test
    void placementAnswersApplyOnlyToAnOrderWaitingForStock() {
        OrderSagaStep confirm = OrderSagaStep.confirmPlacement(ALLOCATED);
        OrderSagaStep reject = OrderSagaStep.rejectPlacement(List.of(new StockShortage(1, "P", 5, 2)));
        assertThat(confirm.appliesTo(order(OrderStatus.PENDING_STOCK, null, line(1, "P", 5)))).isTrue();
        for (OrderStatus later : List.of(OrderStatus.CONFIRMED, OrderStatus.REJECTED, OrderStatus.CANCELLED)) {
            assertThat(confirm.appliesTo(order(later, null, line(1, "P", 5)))).isFalse();
            assertThat(reject.appliesTo(order(later, null, line(1, "P", 5)))).isFalse();
        }
    }

    @Test
    void confirmingSetsStatusAndAllocations() {
        Order confirmed = OrderSagaStep.confirmPlacement(ALLOCATED)
                .applyTo(order(OrderStatus.PENDING_STOCK, null, line(1, "P", 5)), "inventory-service", NOW);
        assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.allocations()).isEqualTo(ALLOCATED);
        assertThat(confirmed.version()).isEqualTo(5);
    }

    @Test
    void aRejectionNamesEveryShortLine() {
        OrderSagaStep reject = OrderSagaStep.rejectPlacement(List.of(new StockShortage(2, "P-2", 50, 5), new StockShortage(3, "P-3", 7, 0)));
        Order rejected = reject.applyTo(order(OrderStatus.PENDING_STOCK, null, line(1, "P", 5)), "inventory-service", NOW);
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.statusReason())
                .contains("line 2 (product P-2) needs 50, 5 available")
                .contains("line 3 (product P-3) needs 7, 0 available");
        assertThat(reject.changesStatus()).isTrue();
    }

    @Test
    void revisionAnswersApplyOnlyToThatPendingRevision() {
        PendingRevision pending = new PendingRevision(2, List.of(line(1, "P", 9)), "u", NOW);
        Order waiting = order(OrderStatus.CONFIRMED, pending, line(1, "P", 5));
        assertThat(OrderSagaStep.acceptRevision(2, ALLOCATED).appliesTo(waiting)).isTrue();
        assertThat(OrderSagaStep.acceptRevision(1, ALLOCATED).appliesTo(waiting)).isFalse();
        assertThat(OrderSagaStep.rejectRevision(3, List.of()).appliesTo(waiting)).isFalse();
        assertThat(OrderSagaStep.acceptRevision(2, ALLOCATED).appliesTo(order(OrderStatus.CONFIRMED, null, line(1, "P", 5)))).isFalse();
    }

    @Test
    void anAcceptedRevisionBecomesTheLinesAndARejectedOneIsDropped() {
        PendingRevision pending = new PendingRevision(2, List.of(line(1, "P", 9)), "u", NOW);
        Order waiting = order(OrderStatus.CONFIRMED, pending, line(1, "P", 5));

        Order accepted = OrderSagaStep.acceptRevision(2, ALLOCATED).applyTo(waiting, "inventory-service", NOW);
        assertThat(accepted.lines()).containsExactly(line(1, "P", 9));
        assertThat(accepted.revision()).isEqualTo(2);
        assertThat(accepted.pendingRevision()).isNull();

        OrderSagaStep reject = OrderSagaStep.rejectRevision(2, List.of(new StockShortage(1, "P", 9, 6)));
        Order rejected = reject.applyTo(waiting, "inventory-service", NOW);
        assertThat(rejected.lines()).containsExactly(line(1, "P", 5));
        assertThat(rejected.revision()).isZero();
        assertThat(rejected.pendingRevision()).isNull();
        assertThat(rejected.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(rejected.statusReason()).contains("revision 2").contains("line 1 (product P) needs 9, 6 available");
        assertThat(reject.changesStatus()).isFalse();
    }
}
