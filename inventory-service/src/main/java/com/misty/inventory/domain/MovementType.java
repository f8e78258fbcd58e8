package com.misty.inventory.domain;

/** What moved stock; every change of {@code quantity_on_hand} is exactly one movement in the ledger. */
public enum MovementType {
    RECEIPT, ALLOCATION, RELEASE, ADJUSTMENT,
    /** Allocated stock used by production; the unused rest of the allocation goes back (in the same movement). */
    ISSUE
}
