package com.misty.inventory.domain;

import java.time.Instant;

/**
 * Raw substrate stock of one product held for one client.
 *
 * @param quantityOnHand    available: what can still be allocated (the original system's {@code quantity_on_hand})
 * @param quantityAllocated held by open allocations; physical stock = available + allocated
 * @param decimals          quantities are counted in steps of 10^-decimals of {@code unit} (0: whole units)
 * @param version           the record's ledger sequence: +1 with every movement
 * @param reorderLevel      below this available quantity the record is low (null: no reorder level)
 * @param belowReorder      the record's low flag: set with the StockLowReached event of a crossing, cleared above
 */
public record StockItem(String id, String productId, String clientId, long quantityOnHand, long quantityAllocated,
                        String unit, int decimals, long version, Instant createdAt, Instant updatedAt,
                        Long reorderLevel, long reorderVersion, boolean belowReorder) {

    /** Whether the available quantity is under the reorder level now (the record's flag may lag one movement). */
    public boolean isBelowReorderLevel() {
        return reorderLevel != null && quantityOnHand < reorderLevel;
    }

    public long available() {
        return quantityOnHand;
    }

    public long physical() {
        return quantityOnHand + quantityAllocated;
    }
}
