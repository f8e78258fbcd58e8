package com.misty.orders.domain;

/** Which orders a list shows; a null member does not filter. */
public record OrderFilter(OrderStatus status, String clientId) {
}
