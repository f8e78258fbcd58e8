package com.misty.contracts.orders;

/** An order moved to another status (for live views; the saga reacts to the specific events). */
public record OrderStatusChanged(String orderId, String orderNumber, String status, String statusReason, long version) {
}
