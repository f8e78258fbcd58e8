package com.misty.contracts.orders;

/** An order was cancelled; whatever stock it holds goes back. */
public record OrderCancelled(String orderId, String reason) {
}
