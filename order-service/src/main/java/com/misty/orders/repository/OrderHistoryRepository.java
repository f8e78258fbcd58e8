package com.misty.orders.repository;

import com.misty.orders.domain.HistoryEntry;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** The {@code order_history} collection: insert-only entries, one per order version ({@code _id} = order:version). */
@ApplicationScoped
public class OrderHistoryRepository implements PanacheMongoRepositoryBase<HistoryEntity, String> {

    /** Stores the entries; idempotent (an entry moved twice is stored once, under its id). */
    public void store(List<HistoryEntry> entries) {
        for (HistoryEntry entry : entries) {
            mongoCollection().replaceOne(Filters.eq(HistoryEntity.ID, entry.id()), HistoryEntity.of(entry),
                    new ReplaceOptions().upsert(true));
        }
    }

    /** The order's stored entries up to {@code maxVersion}, oldest first. */
    public List<HistoryEntry> find(String orderId, long maxVersion) {
        List<HistoryEntry> entries = new ArrayList<>();
        mongoCollection().find(Filters.and(Filters.eq(HistoryEntity.ORDER_ID, orderId),
                        Filters.lte(HistoryEntity.VERSION, maxVersion)))
                .sort(Sorts.ascending(HistoryEntity.VERSION))
                .forEach(entity -> entries.add(entity.toEntry()));
        return entries;
    }
}
