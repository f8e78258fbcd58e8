package com.misty.orders.domain;

import com.misty.contracts.inventory.AllocatedLine;
import com.misty.contracts.inventory.StockShortage;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one answer from inventory does to an order, and in which state it may do it. The state guard is what
 * makes a late or repeated answer harmless: an order never moves backwards and never moves twice.
 *
 * @param requiredStatus   the status the order must be in
 * @param requiredRevision the pending revision the answer is for, or null for the placement (revision 0)
 */
public record OrderSagaStep(String name, OrderStatus requiredStatus, Long requiredRevision, OrderStatus newStatus,
                       String statusReason, boolean adoptPendingLines, List<AllocatedLine> allocations) {

    public static OrderSagaStep confirmPlacement(List<AllocatedLine> allocations) {
        return new OrderSagaStep("confirm", OrderStatus.PENDING_STOCK, null, OrderStatus.CONFIRMED, null, false, allocations);
    }

    public static OrderSagaStep rejectPlacement(List<StockShortage> shortages) {
        return new OrderSagaStep("reject", OrderStatus.PENDING_STOCK, null, OrderStatus.REJECTED,
                "Insufficient stock: " + describe(shortages) + ".", false, null);
    }

    public static OrderSagaStep acceptRevision(long revision, List<AllocatedLine> allocations) {
        return new OrderSagaStep("accept revision " + revision, OrderStatus.CONFIRMED, revision, OrderStatus.CONFIRMED,
                null, true, allocations);
    }

    public static OrderSagaStep rejectRevision(long revision, List<StockShortage> shortages) {
        return new OrderSagaStep("reject revision " + revision, OrderStatus.CONFIRMED, revision, OrderStatus.CONFIRMED,
                "Change of lines (revision " + revision + ") not applied, insufficient stock: " + describe(shortages)
                        + ". The order keeps its previous lines.", false, null);
    }

    public boolean appliesTo(Order order) {
        if (order.status() != requiredStatus) {
            return false;
        }
        if (requiredRevision == null) {
            return true;
        }
        return order.pendingRevision() != null && order.pendingRevision().revision() == requiredRevision;
    }

    /** "placement" or "revision": which request of the order this step answers. */
    public String answers() {
        return requiredRevision == null ? "placement" : "revision";
    }

    /** Whether this step accepts what was asked (the stock was allocated). */
    public boolean accepts() {
        return statusReason == null;
    }

    /** When the request this step answers was made (call only when {@link #appliesTo} holds). */
    public Instant requestedAt(Order order) {
        return requiredRevision == null ? order.createdAt() : order.pendingRevision().requestedAt();
    }

    public boolean changesStatus() {
        return newStatus != requiredStatus;
    }

    /** The order after this step (call only when {@link #appliesTo} holds). */
    public Order applyTo(Order order, String actor, Instant now) {
        List<OrderLineItem> lines = adoptPendingLines ? order.pendingRevision().lines() : order.lines();
        long revision = adoptPendingLines ? order.pendingRevision().revision() : order.revision();
        List<AllocatedLine> newAllocations = allocations != null ? allocations : order.allocations();
        // Any answer to a revision settles it: accepted lines become the order's, rejected ones are dropped.
        return order.withState(newStatus, statusReason, lines, revision, null, newAllocations, actor, now);
    }

    static String describe(List<StockShortage> shortages) {
        if (shortages == null || shortages.isEmpty()) {
            return "no line could be allocated";
        }
        return shortages.stream()
                .map(s -> "line " + s.line() + " (product " + s.productId() + ") needs " + s.requested() + ", "
                        + s.available() + " available")
                .collect(Collectors.joining("; "));
    }
}
