package com.misty.inventory.repository;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * A ledger entry's place in {@code stock_movements}, mapped by the driver's record codec: what the repair and the
 * idempotence checks read. The whole entry is written and read by hand ({@link MovementDocuments}): it has the
 * shape of the movement waiting on the stock record, and is inserted together with its outbox array.
 */
@MongoEntity(collection = InventoryDatabase.MOVEMENTS)
public record MovementEntity(@BsonId String id,
                             @BsonProperty("stock_id") String stockId,
                             Long seq,
                             @BsonProperty("quantity_change") Long quantityChange) {
}
