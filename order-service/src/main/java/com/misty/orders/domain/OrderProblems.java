package com.misty.orders.domain;

import com.misty.platform.problem.DomainException;

/** The problems order endpoints answer with, worded once. */
public final class OrderProblems {

    /** The original system's message, kept for its users. */
    public static final String VERSION_CONFLICT_DETAIL = "Order was modified by another user. Please refresh and try again.";

    private OrderProblems() {
    }

    /** A stale base version: the client gets the current order so it can show what changed. */
    public static DomainException versionConflict(Order current) {
        return DomainException.conflict("VERSION_CONFLICT", VERSION_CONFLICT_DETAIL)
                .with("current_version", current.version())
                .with("current_order", current);
    }

    public static DomainException notFound(String id) {
        return DomainException.notFound("Order", id);
    }
}
