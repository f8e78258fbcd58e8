package com.misty.contracts.inventory;

import java.math.BigDecimal;

/**
 * A stock record's available quantity fell below its reorder level (once per crossing: it is announced again
 * only after the level was back at or above the reorder level). Quantities in {@code unit}.
 */
public record StockLowReached(String stockId, String productId, String clientId, BigDecimal available, BigDecimal reorderLevel,
                       String unit) {
}
