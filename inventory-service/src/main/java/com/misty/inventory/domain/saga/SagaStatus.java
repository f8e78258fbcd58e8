package com.misty.inventory.domain.saga;

public enum SagaStatus {
    /** No answer yet. */
    NEW,
    /** The order's lines (as of {@code answered_revision}) are allocated. */
    ALLOCATED,
    /** Placement was rejected; nothing is held. */
    REJECTED,
    /** The order was cancelled and everything it held went back. */
    RELEASED,
    /** Production completed the order: its allocations were issued (used part consumed, rest released). */
    CONSUMED
}
