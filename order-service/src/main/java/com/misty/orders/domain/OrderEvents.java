package com.misty.orders.domain;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.orders.FieldChange;
import com.misty.contracts.orders.LineUsage;
import com.misty.contracts.orders.OrderCancelled;
import com.misty.contracts.orders.OrderCompleted;
import com.misty.contracts.orders.OrderPlaced;
import com.misty.contracts.orders.OrderRevised;
import com.misty.contracts.orders.OrderStatusChanged;
import com.misty.contracts.orders.OrderUpdated;

import java.util.List;

/** The events an order announces, each in the envelope keyed by the order id (one order, one partition). */
public final class OrderEvents {

    private OrderEvents() {
    }

    public static EventEnvelope placed(Order order, String actor) {
        return EventEnvelope.of(order.id(), actor, new OrderPlaced(order.id(), order.orderNumber(), order.clientId(),
                order.lines().stream().map(OrderLineItem::toContract).toList()));
    }

    public static EventEnvelope revised(Order order, PendingRevision revision, String actor) {
        return EventEnvelope.of(order.id(), actor, new OrderRevised(order.id(), order.clientId(), revision.revision(),
                revision.lines().stream().map(OrderLineItem::toContract).toList()));
    }

    public static EventEnvelope cancelled(Order order, String actor) {
        return EventEnvelope.of(order.id(), actor, new OrderCancelled(order.id(), order.statusReason()));
    }

    /** For live views; {@code order} is the order as it will be stored, with its new version. */
    public static EventEnvelope statusChanged(Order order, String actor) {
        return EventEnvelope.of(order.id(), actor, new OrderStatusChanged(order.id(), order.orderNumber(),
                order.status().name(), order.statusReason(), order.version()));
    }

    /** Production's hand-off to inventory: consume the allocations ({@code usage} per line, the rest in full). */
    public static EventEnvelope completed(Order order, List<LineUsage> usage, String actor) {
        return EventEnvelope.of(order.id(), actor, new OrderCompleted(order.id(), order.orderNumber(), List.copyOf(usage)));
    }

    /** For live views: fields of the order changed, without a change of status. */
    public static EventEnvelope updated(Order order, List<FieldChange> changes, String actor) {
        return EventEnvelope.of(order.id(), actor, new OrderUpdated(order.id(), order.orderNumber(), order.version(),
                List.copyOf(changes)));
    }

    public static List<EventEnvelope> none() {
        return List.of();
    }
}
