package com.misty.contracts.inventory;

import java.util.List;

/** Every line of the order was allocated. */
public record StockAllocated(String orderId, List<AllocatedLine> allocations) {
}
