package com.misty.orders.repository;

import com.misty.contracts.orders.FieldChange;
import com.misty.orders.domain.HistoryEntry;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * One history entry, mapped by the driver's record codec: a document of {@code order_history}, and the same shape
 * on an order's {@code history_pending} array until the projector has moved it. Only this suite writes entries.
 */
@MongoEntity(collection = OrdersDatabase.ORDER_HISTORY)
public record HistoryEntity(@BsonId String id,
                            @BsonProperty(ORDER_ID) String orderId,
                            long version, Instant at, String actor, HistoryEntry.Kind kind,
                            List<Change> changes) {

    static final String ID = "_id";
    static final String ORDER_ID = "order_id";
    static final String VERSION = "version";

    /** One changed field with its old and new value. */
    public record Change(String field, @BsonProperty("old") String oldValue, @BsonProperty("new") String newValue) {
    }

    static HistoryEntity of(HistoryEntry entry) {
        return new HistoryEntity(entry.id(), entry.orderId(), entry.version(), entry.at(), entry.actor(), entry.kind(),
                entry.changes().stream().map(c -> new Change(c.field(), c.oldValue(), c.newValue())).toList());
    }

    HistoryEntry toEntry() {
        return new HistoryEntry(orderId, version, at, actor, kind,
                changes.stream().map(c -> new FieldChange(c.field(), c.oldValue(), c.newValue())).toList());
    }
}
