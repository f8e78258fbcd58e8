package com.misty.orders.domain;

/** Where an order stands: the order→stock saga, then production. */
public enum OrderStatus {
    /** Saved; inventory has not answered yet. */
    PENDING_STOCK,
    /** Every line is allocated. */
    CONFIRMED,
    /** Production works on it: its lines are frozen; cancelling needs a manager's confirmation. */
    IN_PRODUCTION,
    /** Production finished; inventory consumes the allocated stock (once). Never changes again. */
    COMPLETED,
    /** Inventory could not allocate every line; nothing is held. */
    REJECTED,
    /** Cancelled by a user; inventory releases whatever it held. */
    CANCELLED,
    /**
     * A stored status this build does not know (a document it did not write): shown as it is and treated as
     * closed, so no edit, step or cancellation acts on an order whose state nobody can vouch for.
     */
    UNRECOGNISED;

    /** Rejected, cancelled and completed orders are history: they never change again (nor does an unrecognised one). */
    public boolean isClosed() {
        return this == REJECTED || this == CANCELLED || this == COMPLETED || this == UNRECOGNISED;
    }

    /** In production only with a manager's confirmation ({@link OrderEditPolicy#cancel}). */
    public boolean isCancellable() {
        return this == PENDING_STOCK || this == CONFIRMED || this == IN_PRODUCTION;
    }
}
