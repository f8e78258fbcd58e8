package com.misty.inventory.domain.saga;

/** An order line's allocation as it stands: exactly one allocation per allocated line. */
public record HeldLine(int line, String productId, String allocationId, long quantity) {
}
