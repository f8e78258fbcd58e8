package com.misty.inventory.domain;

import java.time.Instant;

/** Stock set aside for an order (line) or a user; released puts it back, issued consumes (part of) it. */
public record Allocation(String id, String stockId, String productId, String clientId, long quantity,
                         String orderId, Integer line, AllocationSource source, AllocationStatus status,
                         String allocatedBy, Instant allocatedAt, String releasedBy, Instant releasedAt,
                         String replacedBy, long consumed) {

    /** What went back to stock when it was issued (the allocated quantity minus what production used). */
    public long released() {
        return status == AllocationStatus.CONSUMED ? quantity - consumed : 0;
    }
}
