package com.misty.orders.domain;

import com.misty.contracts.inventory.AllocatedLine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order as stored and as clients see it.
 *
 * @param clientName      the client's name when the order was placed (a snapshot: later renames do not change it)
 * @param revision        the revision the current {@code lines} belong to (0 as placed)
 * @param lastRevision    the highest revision ever requested, so a rejected revision's number is never reused
 * @param pendingRevision lines waiting for inventory, or null
 * @param allocations     inventory's allocations as last reported, one per line
 * @param completedAt     when production completed the order, or null
 * @param stockConsumedAt when inventory reported the order's stock consumed (after completion), or null
 */
public record Order(String id, String orderNumber, String clientId, String clientName, String contactName, String contactEmail,
                    String contactPhone, List<OrderLineItem> lines, LocalDate dueDate, String notes,
                    OrderStatus status, String statusReason, long version, long revision, long lastRevision,
                    PendingRevision pendingRevision, List<AllocatedLine> allocations,
                    Instant completedAt, Instant stockConsumedAt,
                    String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    public Order {
        lines = List.copyOf(lines);
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    /** A new order as placed: waiting for stock, version 1, revision 0. */
    public static Order placed(String id, String orderNumber, String clientId, String clientName, OrderDetails details,
                               String actor, Instant now) {
        return new Order(id, orderNumber, clientId, clientName, details.contactName(), details.contactEmail(),
                details.contactPhone(), details.lines(), details.dueDate(), details.notes(),
                OrderStatus.PENDING_STOCK, null, 1, 0, 0, null, List.of(), null, null, actor, now, actor, now);
    }

    public OrderDetails details() {
        return new OrderDetails(contactName, contactEmail, contactPhone, lines, dueDate, notes);
    }

    /** The next version of this order with {@code details}; the stored write increments the version. */
    Order withDetails(OrderDetails details, long lastRevision, PendingRevision pendingRevision, String actor,
                      Instant now) {
        return new Order(id, orderNumber, clientId, clientName, details.contactName(), details.contactEmail(),
                details.contactPhone(), details.lines(), details.dueDate(), details.notes(), status, statusReason,
                version + 1, revision, lastRevision, pendingRevision, allocations, completedAt, stockConsumedAt, createdBy,
                createdAt, actor, now);
    }

    Order withState(OrderStatus status, String statusReason, List<OrderLineItem> lines, long revision,
                    PendingRevision pendingRevision, List<AllocatedLine> allocations, String actor, Instant now) {
        return new Order(id, orderNumber, clientId, clientName, contactName, contactEmail, contactPhone, lines, dueDate, notes,
                status, statusReason, version + 1, revision, lastRevision, pendingRevision, allocations, completedAt,
                stockConsumedAt, createdBy, createdAt, actor, now);
    }

    /** The next version in {@code status} (a production step: lines, revision and allocations stay). */
    Order withStatus(OrderStatus status, String statusReason, Instant completedAt, String actor, Instant now) {
        return new Order(id, orderNumber, clientId, clientName, contactName, contactEmail, contactPhone, lines, dueDate,
                notes, status, statusReason, version + 1, revision, lastRevision, pendingRevision, allocations,
                completedAt, stockConsumedAt, createdBy, createdAt, actor, now);
    }

    /** The next version recording that inventory consumed the order's stock at {@code at}. */
    public Order withStockConsumed(Instant at, String actor) {
        return new Order(id, orderNumber, clientId, clientName, contactName, contactEmail, contactPhone, lines, dueDate,
                notes, status, statusReason, version + 1, revision, lastRevision, pendingRevision, allocations,
                completedAt, at, createdBy, createdAt, actor, at);
    }
}
