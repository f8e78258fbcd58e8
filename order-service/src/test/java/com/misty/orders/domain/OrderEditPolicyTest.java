package com.misty.orders.domain;

import com.misty.platform.problem.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderEditPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static Order order(OrderStatus status, PendingRevision pending, OrderLineItem... lines) {
        return new Order("o-1", "ORD-000001", "c-1", "Client One", "Jo", null, null, List.of(lines), LocalDate.of(2026, 12, 24), null,
                status, null, 4, 0, pending == null ? 0 : pending.revision(), pending, List.of(), null, null, "u", NOW, "u", NOW);
    }

    static OrderLineItem line(int n, String product, long quantity) {
        return new OrderLineItem(n, product, quantity, null);
    }

    private static OrderDetails withLines(Order order, OrderLineItem... lines) {
        OrderDetails d = order.details();
        return new OrderDetails(d.contactName(), d.contactEmail(), d.contactPhone(), List.of(lines), d.dueDate(), d.notes());
    }

    @Test
    void contactChangesNeedNoStockInAnyOpenStatus() {
        for (OrderStatus status : List.of(OrderStatus.PENDING_STOCK, OrderStatus.CONFIRMED)) {
            Order current = order(status, null, line(1, "P", 5));
            OrderChanges changes = new OrderChanges(false, "Sam", null, "0400", null, null, null);
            OrderEdit edit = OrderEditPolicy.apply(current, changes.applyTo(current.details()), "u2", NOW);
            assertThat(edit.requested()).isNull();
            assertThat(edit.next().contactName()).isEqualTo("Sam");
            assertThat(edit.next().contactPhone()).isEqualTo("0400");
            assertThat(edit.next().dueDate()).isEqualTo(current.dueDate());
            assertThat(edit.next().version()).isEqualTo(5);
        }
    }

    @Test
    void changingOnlyTheNotesOfALineIsNoStockChange() {
        Order current = order(OrderStatus.PENDING_STOCK, null, line(1, "P", 5));
        OrderEdit edit = OrderEditPolicy.apply(current,
                withLines(current, new OrderLineItem(1, "P", 5, "handle with care")), "u", NOW);
        assertThat(edit.requested()).isNull();
        assertThat(edit.next().lines().get(0).notes()).isEqualTo("handle with care");
    }

    @Test
    void linesOfAnOrderWaitingForStockCannotChange() {
        Order current = order(OrderStatus.PENDING_STOCK, null, line(1, "P", 5));
        assertThatThrownBy(() -> OrderEditPolicy.apply(current, withLines(current, line(1, "P", 6)), "u", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("ORDER_AWAITING_STOCK");
                });
    }

    @Test
    void changingLinesOfAConfirmedOrderRequestsTheNextRevisionAndKeepsTheConfirmedLines() {
        Order current = order(OrderStatus.CONFIRMED, null, line(1, "P", 5));
        OrderEdit edit = OrderEditPolicy.apply(current, withLines(current, line(1, "P", 9), line(2, "Q", 1)), "u", NOW);
        assertThat(edit.requested().revision()).isEqualTo(1);
        assertThat(edit.requested().lines()).extracting(OrderLineItem::quantity).containsExactly(9L, 1L);
        assertThat(edit.next().lines()).containsExactly(line(1, "P", 5));
        assertThat(edit.next().pendingRevision()).isEqualTo(edit.requested());
        assertThat(edit.next().lastRevision()).isEqualTo(1);
        assertThat(edit.next().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aSecondChangeOfLinesWaitsForThePendingRevision() {
        PendingRevision pending = new PendingRevision(3, List.of(line(1, "P", 9)), "u", NOW);
        Order current = order(OrderStatus.CONFIRMED, pending, line(1, "P", 5));
        assertThatThrownBy(() -> OrderEditPolicy.apply(current, withLines(current, line(1, "P", 7)), "u", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("REVISION_PENDING"));
        OrderEdit contactOnly = OrderEditPolicy.apply(current, current.details(), "u", NOW);
        assertThat(contactOnly.next().pendingRevision()).isEqualTo(pending);
    }

    @Test
    void closedOrdersAreReadOnlyAndCannotBeCancelledAgain() {
        for (OrderStatus status : List.of(OrderStatus.REJECTED, OrderStatus.CANCELLED, OrderStatus.COMPLETED)) {
            Order current = order(status, null, line(1, "P", 5));
            assertThatThrownBy(() -> OrderEditPolicy.apply(current, current.details(), "u", NOW))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ORDER_CLOSED"));
            assertThatThrownBy(() -> OrderEditPolicy.cancel(current, "x", true, "u", NOW))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ORDER_NOT_CANCELLABLE"));
        }
    }

    @Test
    void inProductionTheLinesAreFrozenAndOnlyAManagerCancels() {
        Order current = order(OrderStatus.IN_PRODUCTION, null, line(1, "P", 5));
        OrderDetails moreOfIt = new OrderDetails("Jo", null, null, List.of(line(1, "P", 6)), null, null);
        assertThatThrownBy(() -> OrderEditPolicy.apply(current, moreOfIt, "u", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("LINES_FROZEN"));
        OrderDetails notesOnly = new OrderDetails("Jo", null, null, current.lines(), null, "rush");
        assertThat(OrderEditPolicy.apply(current, notesOnly, "u", NOW).next().notes()).isEqualTo("rush");
        assertThatThrownBy(() -> OrderEditPolicy.cancel(current, "x", false, "u", NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("MANAGER_CONFIRMATION_REQUIRED"));
        assertThat(OrderEditPolicy.cancel(current, "x", true, "u", NOW).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void cancellingDropsAPendingRevision() {
        PendingRevision pending = new PendingRevision(1, List.of(line(1, "P", 9)), "u", NOW);
        Order cancelled = OrderEditPolicy.cancel(order(OrderStatus.CONFIRMED, pending, line(1, "P", 5)), "no longer needed", false,
                "u", NOW);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.statusReason()).isEqualTo("no longer needed");
        assertThat(cancelled.pendingRevision()).isNull();
    }

    @Test
    void aReplacementClearsWhatItDoesNotCarry() {
        Order current = order(OrderStatus.PENDING_STOCK, null, line(1, "P", 5));
        OrderDetails replaced = new OrderChanges(true, "Sam", null, null, List.of(line(1, "P", 5)), null, null)
                .applyTo(current.details());
        assertThat(replaced.dueDate()).isNull();
        assertThat(replaced.contactName()).isEqualTo("Sam");
    }
}
