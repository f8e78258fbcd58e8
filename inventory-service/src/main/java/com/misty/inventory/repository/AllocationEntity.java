package com.misty.inventory.repository;

import com.misty.inventory.domain.Allocation;
import com.misty.inventory.domain.AllocationSource;
import com.misty.inventory.domain.AllocationStatus;
import com.misty.inventory.domain.MovementDraft;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.time.Instant;

/**
 * One document of {@code allocations}, mapped by the driver's record codec (enums as their names). Null fields are
 * not stored; {@code consumed} and the release fields appear with the transitions that set them.
 */
@MongoEntity(collection = InventoryDatabase.ALLOCATIONS)
public record AllocationEntity(@BsonId String id,
                               @BsonProperty("stock_id") String stockId,
                               @BsonProperty("product_id") String productId,
                               @BsonProperty("client_id") String clientId,
                               Long quantity,
                               @BsonProperty("order_id") String orderId,
                               Integer line,
                               AllocationSource source,
                               AllocationStatus status,
                               @BsonProperty("allocated_by") String allocatedBy,
                               @BsonProperty("allocated_at") Instant allocatedAt,
                               @BsonProperty("released_by") String releasedBy,
                               @BsonProperty("released_at") Instant releasedAt,
                               @BsonProperty("replaced_by") String replacedBy,
                               Long consumed,
                               String replaces) {

    /**
     * The allocation {@code m} opens, under the allocation id: inserted once (the request and the ledger repair may
     * both write it; the second insert meets the id).
     */
    static AllocationEntity opened(String stockId, String productId, String clientId, MovementDraft m, String replaces) {
        return new AllocationEntity(m.allocationId(), stockId, productId, clientId, m.allocationQuantity(), m.orderId(), m.line(),
                m.source(), AllocationStatus.ALLOCATED, m.actor(), m.at(), null, null, null, null, replaces);
    }

    Allocation toAllocation() {
        return new Allocation(id, stockId, productId, clientId, quantity == null ? 0 : quantity, orderId, line, source,
                status, allocatedBy, allocatedAt, releasedBy, releasedAt, replacedBy, consumed == null ? 0 : consumed);
    }
}
