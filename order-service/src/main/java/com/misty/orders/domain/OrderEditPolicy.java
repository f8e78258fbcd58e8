package com.misty.orders.domain;

import com.misty.platform.problem.DomainException;

import java.time.Instant;
import java.util.List;

/**
 * Which edits an order accepts in which status. Contact details, due date and notes change freely while the
 * order is open. A change of products or quantities needs stock: on a confirmed order it becomes a pending
 * revision that inventory allocates all or nothing (the lines stay as confirmed until it answers); while the
 * order still waits for its first answer it is refused, because inventory is allocating the placed lines at
 * that very moment.
 */
public final class OrderEditPolicy {

    private OrderEditPolicy() {
    }

    public static OrderEdit apply(Order current, OrderDetails proposed, String actor, Instant now) {
        if (current.status().isClosed()) {
            throw DomainException.conflict("ORDER_CLOSED", "Order " + current.orderNumber() + " is "
                    + current.status() + " and can no longer be changed.").with("status", current.status());
        }
        if (sameStock(current.lines(), proposed.lines())) {
            return new OrderEdit(current.withDetails(proposed, current.lastRevision(), current.pendingRevision(),
                    actor, now), null);
        }
        if (current.status() == OrderStatus.IN_PRODUCTION) {
            throw DomainException.conflict("LINES_FROZEN", "Order " + current.orderNumber()
                    + " is in production; its lines can no longer change.").with("status", current.status());
        }
        if (current.status() == OrderStatus.PENDING_STOCK) {
            throw DomainException.conflict("ORDER_AWAITING_STOCK", "Order " + current.orderNumber()
                    + " is still waiting for stock; its lines can change once it is confirmed.")
                    .with("status", current.status());
        }
        if (current.pendingRevision() != null) {
            throw DomainException.conflict("REVISION_PENDING", "A change of lines (revision "
                    + current.pendingRevision().revision() + ") is still waiting for stock; try again once it is settled.")
                    .with("pending_revision", current.pendingRevision().revision());
        }
        long revision = current.lastRevision() + 1;
        PendingRevision requested = new PendingRevision(revision, proposed.lines(), actor, now);
        OrderDetails keepConfirmedLines = new OrderDetails(proposed.contactName(), proposed.contactEmail(),
                proposed.contactPhone(), current.lines(), proposed.dueDate(), proposed.notes());
        return new OrderEdit(current.withDetails(keepConfirmedLines, revision, requested, actor, now), requested);
    }

    /**
     * Cancelling is allowed until the order is closed; the stock it holds goes back. An order in production is
     * cancelled only when a manager confirms it ({@code managerConfirmed}): work on it is thrown away.
     */
    public static Order cancel(Order current, String reason, boolean managerConfirmed, String actor, Instant now) {
        if (!current.status().isCancellable()) {
            throw DomainException.conflict("ORDER_NOT_CANCELLABLE", "Order " + current.orderNumber() + " is "
                    + current.status() + " and cannot be cancelled.").with("status", current.status());
        }
        if (current.status() == OrderStatus.IN_PRODUCTION && !managerConfirmed) {
            throw DomainException.conflict("MANAGER_CONFIRMATION_REQUIRED", "Order " + current.orderNumber()
                    + " is in production; only a manager can cancel it, confirming with \"confirm_in_production\": true.")
                    .with("status", current.status());
        }
        return current.withState(OrderStatus.CANCELLED, reason, current.lines(), current.revision(), null,
                current.allocations(), actor, now);
    }

    static boolean sameStock(List<OrderLineItem> current, List<OrderLineItem> proposed) {
        if (current.size() != proposed.size()) {
            return false;
        }
        for (int i = 0; i < current.size(); i++) {
            if (!current.get(i).sameStockAs(proposed.get(i))) {
                return false;
            }
        }
        return true;
    }
}
