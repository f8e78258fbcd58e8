package com.misty.orders.domain;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.orders.OrderCancelled;
import com.misty.contracts.orders.OrderPlaced;
import com.misty.contracts.orders.OrderRevised;
import com.misty.contracts.orders.OrderStatusChanged;

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

    public static List<EventEnvelope> none() {
        return List.of();
    }
}
