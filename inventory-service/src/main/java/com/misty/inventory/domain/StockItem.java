package com.misty.inventory.domain;

import java.time.Instant;

/**
 * Raw substrate stock of one product held for one client.
 *
 * @param quantityOnHand    available: what can still be allocated (the original system's {@code quantity_on_hand})
 * @param quantityAllocated held by open allocations; physical stock = available + allocated
 * @param version           the record's ledger sequence: +1 with every movement
 */
public record StockItem(String id, String productId, String clientId, long quantityOnHand, long quantityAllocated,
                        String unit, long version, Instant createdAt, Instant updatedAt) {

    public long available() {
        return quantityOnHand;
    }

    public long physical() {
        return quantityOnHand + quantityAllocated;
    }
}
