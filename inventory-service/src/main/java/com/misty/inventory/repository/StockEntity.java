package com.misty.inventory.repository;

import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.StockItem;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A stock record of {@code raw_substrate_stock} as this service inserts it whole (an imported record), mapped by the
 * driver's record codec. The movements waiting on it stay documents ({@link MovementDocuments}): they have the shape
 * of a ledger entry, which is written together with its outbox array. Records are read by hand
 * ({@link StockRepository#toItem}): the original system's records (ObjectId ids, fractional units, no
 * {@code decimals}) are in the same collection, which a codec would refuse.
 */
@MongoEntity(collection = InventoryDatabase.STOCK)
public record StockEntity(@BsonId String id,
                          @BsonProperty("product_id") String productId,
                          @BsonProperty("client_id") String clientId,
                          String unit, int decimals,
                          @BsonProperty("quantity_on_hand") long quantityOnHand,
                          @BsonProperty("quantity_allocated") long quantityAllocated,
                          @BsonProperty("ledger_seq") long ledgerSeq,
                          @BsonProperty("created_at") Instant createdAt,
                          @BsonProperty("updated_at") Instant updatedAt,
                          @BsonProperty("imported_at") Instant importedAt,
                          List<Document> unconfirmed,
                          @BsonProperty("recent_movements") List<String> recentMovements,
                          @BsonProperty("reorder_level") Long reorderLevel,
                          @BsonProperty("reorder_version") Long reorderVersion) {

    /** An imported record holding its whole quantity as one opening receipt, which waits for its ledger entry. */
    static StockEntity imported(StockItem item, MovementDraft opening, Instant now) {
        return new StockEntity(item.id(), item.productId(), item.clientId(), item.unit(), item.decimals(),
                opening.quantityChange(), 0L, 1L, item.createdAt(), now, now,
                List.of(MovementDocuments.draft(opening)), List.of(opening.movementId()),
                item.reorderLevel(), item.reorderLevel() == null ? null : 1L);
    }
}
