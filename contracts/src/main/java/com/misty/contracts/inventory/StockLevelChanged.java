package com.misty.contracts.inventory;

/** A stock record's level changed (receipt, allocation, release or adjustment); for live views. */
public record StockLevelChanged(String stockId, String productId, String clientId, long quantityOnHand, String movement) {
}
