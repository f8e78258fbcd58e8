package com.misty.inventory.domain;

import java.time.Instant;

/**
 * Raw substrate stock of one product held for one client.
 *
 * @param version the record's ledger sequence: +1 with every movement
 */
public record StockItem(String id, String productId, String clientId, long quantityOnHand, String unit,
                        long version, Instant createdAt, Instant updatedAt) {
}
