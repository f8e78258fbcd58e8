package com.misty.orders.rest;

import jakarta.validation.constraints.Size;

/** {@code POST /api/orders/{id}/cancel}: an optional reason, shown as the order's status reason. */
public record CancelOrderRequest(@Size(max = 1000) String reason) {
}
