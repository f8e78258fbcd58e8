package com.misty.contracts.inventory;

import java.util.List;

/** The answer to {@code OrderCompleted}: the order's allocations were issued to production (once). */
public record StockConsumed(String orderId, List<ConsumedLine> lines) {
}
