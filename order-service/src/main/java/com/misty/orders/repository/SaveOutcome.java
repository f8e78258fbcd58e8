package com.misty.orders.repository;

/** How a guarded write of an inventory answer ended. */
public enum SaveOutcome {
    SAVED,
    /** This very event was applied before (a redelivery): nothing changed. */
    ALREADY_APPLIED,
    /** The order changed since it was read; decide again on the current state. */
    STALE,
    NOT_FOUND
}
