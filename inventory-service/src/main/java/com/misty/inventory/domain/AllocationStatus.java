package com.misty.inventory.domain;

/**
 * ALLOCATED → RELEASING → RELEASED, or ALLOCATED → ISSUING → CONSUMED. The claim is made (guarded by status) before the stock moves back, so
 * only one release of an allocation ever returns its stock; a release interrupted by a crash is finished by
 * the ledger repair.
 */
public enum AllocationStatus {
    ALLOCATED, RELEASING, RELEASED,
    /** Claimed for an issue to production (ALLOCATED → ISSUING → CONSUMED), with the quantity used. */
    ISSUING, CONSUMED;

    /** Claimed for release or issue, stock not moved yet (or not confirmed): the repair finishes it. */
    public boolean isClaimed() {
        return this == RELEASING || this == ISSUING;
    }
}
