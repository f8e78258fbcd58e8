package com.misty.contracts.inventory;

import java.util.List;

/**
 * At least one line lacked stock; nothing of this step stays allocated (for a revision, the previous
 * allocations stay as they were).
 *
 * @param revision 0 for the order as placed, else the {@code revision} of the {@code OrderRevised} answered
 */
public record StockAllocationRejected(String orderId, long revision, List<StockShortage> shortages) {
}
