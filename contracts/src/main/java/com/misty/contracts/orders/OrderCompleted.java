package com.misty.contracts.orders;

import java.util.List;

/**
 * Production finished the order. Inventory consumes its allocations exactly once with an {@code ISSUE}
 * movement per line and answers {@code StockConsumed}.
 *
 * @param usage the quantity used per line; a line not listed here is consumed in full
 */
public record OrderCompleted(String orderId, String orderNumber, List<LineUsage> usage) {
}
