package com.misty.orders.domain;

import com.misty.contracts.inventory.AllocatedLine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order as stored and as clients see it.
 *
 * @param revision        the revision the current {@code lines} belong to (0 as placed)
 * @param lastRevision    the highest revision ever requested, so a rejected revision's number is never reused
 * @param pendingRevision lines waiting for inventory, or null
 * @param allocations     inventory's allocations as last reported, one per line
 */
public record Order(String id, String orderNumber, String clientId, String contactName, String contactEmail,
                    String contactPhone, List<OrderLineItem> lines, LocalDate dueDate, String notes,
                    OrderStatus status, String statusReason, long version, long revision, long lastRevision,
                    PendingRevision pendingRevision, List<AllocatedLine> allocations,
                    String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    public Order {
        lines = List.copyOf(lines);
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    /** A new order as placed: waiting for stock, version 1, revision 0. */
    public static Order placed(String id, String orderNumber, String clientId, OrderDetails details, String actor,
                               Instant now) {
        return new Order(id, orderNumber, clientId, details.contactName(), details.contactEmail(),
                details.contactPhone(), details.lines(), details.dueDate(), details.notes(),
                OrderStatus.PENDING_STOCK, null, 1, 0, 0, null, List.of(), actor, now, actor, now);
    }

    public OrderDetails details() {
        return new OrderDetails(contactName, contactEmail, contactPhone, lines, dueDate, notes);
    }

    /** The next version of this order with {@code details}; the stored write increments the version. */
    Order withDetails(OrderDetails details, long lastRevision, PendingRevision pendingRevision, String actor,
                      Instant now) {
        return new Order(id, orderNumber, clientId, details.contactName(), details.contactEmail(),
                details.contactPhone(), details.lines(), details.dueDate(), details.notes(), status, statusReason,
                version + 1, revision, lastRevision, pendingRevision, allocations, createdBy, createdAt, actor, now);
    }

    Order withState(OrderStatus status, String statusReason, List<OrderLineItem> lines, long revision,
                    PendingRevision pendingRevision, List<AllocatedLine> allocations, String actor, Instant now) {
        return new Order(id, orderNumber, clientId, contactName, contactEmail, contactPhone, lines, dueDate, notes,
                status, statusReason, version + 1, revision, lastRevision, pendingRevision, allocations, createdBy,
                createdAt, actor, now);
    }
}
