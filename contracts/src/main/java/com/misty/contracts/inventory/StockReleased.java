package com.misty.contracts.inventory;

import java.util.List;

/** The order's allocations went back to stock. */
public record StockReleased(String orderId, List<String> allocationIds) {
}
