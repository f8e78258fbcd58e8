package com.misty.inventory.domain.saga;

public enum StepState {
    /** Not known to have run; running it again is safe (every stock step is idempotent by allocation id). */
    PLANNED,
    DONE,
    /** The stock lacked the units; the attempt compensates and is rejected. */
    SHORT,
    /** Done, then compensated. */
    UNDONE
}
