package com.misty.contracts.inventory;

import java.util.List;

/** At least one line lacked stock; nothing of the order stays allocated. */
public record StockAllocationRejected(String orderId, List<StockShortage> shortages) {
}
