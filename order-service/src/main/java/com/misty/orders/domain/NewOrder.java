package com.misty.orders.domain;

/** What a user sends to place an order. */
public record NewOrder(String clientId, OrderDetails details) {
}
