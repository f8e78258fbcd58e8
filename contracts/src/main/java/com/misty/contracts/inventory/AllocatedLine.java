package com.misty.contracts.inventory;

/** One order line's allocation. */
public record AllocatedLine(int line, String productId, String allocationId, long quantity) {
}
