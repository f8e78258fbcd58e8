package com.misty.orders.domain;

/** Where an order stands in the order→stock saga. */
public enum OrderStatus {
    /** Saved; inventory has not answered yet. */
    PENDING_STOCK,
    /** Every line is allocated. */
    CONFIRMED,
    /** Inventory could not allocate every line; nothing is held. */
    REJECTED,
    /** Cancelled by a user; inventory releases whatever it held. */
    CANCELLED;

    /** Rejected and cancelled orders are history: they never change again. */
    public boolean isClosed() {
        return this == REJECTED || this == CANCELLED;
    }

    public boolean isCancellable() {
        return this == PENDING_STOCK || this == CONFIRMED;
    }
}
