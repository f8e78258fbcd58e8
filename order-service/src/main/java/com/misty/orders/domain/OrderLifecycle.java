package com.misty.orders.domain;

import com.misty.contracts.orders.LineUsage;
import com.misty.platform.problem.DomainException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order's life after the stock saga: CONFIRMED → IN_PRODUCTION → COMPLETED. Each step names the one status it
 * starts from ({@link #MAY_START_PRODUCTION}, {@link #MAY_COMPLETE}); the repository writes the step only while the
 * order is still in that status and at the version it was decided on, so a late or repeated request never moves
 * an order backwards or twice.
 */
public final class OrderLifecycle {

    /** Only a confirmed order (every line allocated, no revision waiting) goes into production. */
    public static final OrderStatus MAY_START_PRODUCTION = OrderStatus.CONFIRMED;
    /** Only an order in production is completed. */
    public static final OrderStatus MAY_COMPLETE = OrderStatus.IN_PRODUCTION;

    private OrderLifecycle() {
    }

    public static Order startProduction(Order current, String actor, Instant now) {
        if (current.status() != MAY_START_PRODUCTION) {
            throw invalidState(current, "moved into production");
        }
        if (current.pendingRevision() != null) {
            throw DomainException.conflict("REVISION_PENDING", "A change of lines (revision "
                    + current.pendingRevision().revision() + ") is still waiting for stock; start production once it is settled.")
                    .with("pending_revision", current.pendingRevision().revision());
        }
        return current.withStatus(OrderStatus.IN_PRODUCTION, null, null, actor, now);
    }

    /**
     * Completes the order. {@code usage} optionally gives the quantity production actually used per line (at most
     * the line's quantity); a line not listed is consumed in full.
     */
    public static Order complete(Order current, List<LineUsage> usage, String actor, Instant now) {
        if (current.status() != MAY_COMPLETE) {
            throw invalidState(current, "completed");
        }
        checkUsage(current, usage);
        return current.withStatus(OrderStatus.COMPLETED, null, now, actor, now);
    }

    /** Inventory's StockConsumed applies to a completed order whose stock is not recorded as consumed yet. */
    public static boolean awaitsStockConsumption(Order order) {
        return order.status() == OrderStatus.COMPLETED && order.stockConsumedAt() == null;
    }

    /** Bad usage is bad input (400), decided before anything is written. */
    static void checkUsage(Order order, List<LineUsage> usage) {
        Set<Integer> seen = new HashSet<>();
        for (LineUsage used : usage) {
            OrderLineItem line = order.lines().stream().filter(l -> l.line() == used.line()).findFirst()
                    .orElseThrow(() -> DomainException.badRequest("INVALID_USAGE", "Order " + order.orderNumber()
                            + " has no line " + used.line() + ".").with("field", "usage"));
            if (!seen.add(used.line())) {
                throw DomainException.badRequest("INVALID_USAGE", "Line " + used.line() + " is listed twice.")
                        .with("field", "usage");
            }
            if (used.used().signum() < 0 || used.used().compareTo(BigDecimal.valueOf(line.quantity())) > 0) {
                throw DomainException.badRequest("INVALID_USAGE", "Line " + used.line() + " used " + used.used()
                        + ", but it holds " + line.quantity() + "; the quantity used is between 0 and that.")
                        .with("field", "usage");
            }
        }
    }

    /** The step does not apply to the order's current status: 409 naming that status. */
    public static DomainException invalidState(Order current, String what) {
        return DomainException.conflict("INVALID_STATE", "Order " + current.orderNumber() + " is " + current.status()
                        + " and cannot be " + what + ".")
                .with("status", current.status())
                .with("current_version", current.version());
    }
}
