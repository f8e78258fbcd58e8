package com.misty.inventory.domain;

import java.time.Instant;

/** Stock set aside for an order (line) or a user; released puts it back. */
public record Allocation(String id, String stockId, String productId, String clientId, long quantity,
                         String orderId, Integer line, AllocationSource source, AllocationStatus status,
                         String allocatedBy, Instant allocatedAt, String releasedBy, Instant releasedAt,
                         String replacedBy) {
}
