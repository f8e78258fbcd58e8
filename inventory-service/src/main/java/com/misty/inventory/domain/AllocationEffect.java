package com.misty.inventory.domain;

/** How a movement changes the set of open allocations on its stock record. */
public enum AllocationEffect {
    /** A new allocation is opened. */
    OPEN,
    /** An open allocation goes back to stock entirely. */
    CLOSE,
    /** An open allocation is replaced by one of another size (an order revision); the difference moves. */
    REPLACE,
    /** An open allocation is issued to production: the used part leaves the stock, the rest goes back. */
    ISSUE
}
