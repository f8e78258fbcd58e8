package com.misty.contracts.inventory;

import java.util.List;

/**
 * Every line of the order (or of its revision) is allocated.
 *
 * @param revision    0 for the order as placed, else the {@code revision} of the {@code OrderRevised} answered
 * @param allocations the order's allocations as they stand after this step, one per line
 */
public record StockAllocated(String orderId, long revision, List<AllocatedLine> allocations) {
}
