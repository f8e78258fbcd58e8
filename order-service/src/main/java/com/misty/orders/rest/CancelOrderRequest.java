package com.misty.orders.rest;

import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/orders/{id}/cancel}: an optional reason, shown as the order's status reason; a manager cancelling
 * an order in production confirms it with {@code confirm_in_production: true}.
 */
public record CancelOrderRequest(@Size(max = 1000) String reason, Boolean confirmInProduction) {
}
