package com.misty.orders.repository;

import com.misty.orders.domain.HistoryEntry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** The {@code order_history} collection: insert-only entries, one per order version ({@code _id} = order:version). */
@ApplicationScoped
public class OrderHistoryRepository {

    private final MongoCollection<Document> history;

    public OrderHistoryRepository(OrdersDatabase database) {
        this.history = database.collection(OrdersDatabase.ORDER_HISTORY);
    }

    /** Stores the entries; idempotent (an entry moved twice is stored once, under its id). */
    public void store(List<HistoryEntry> entries) {
        for (HistoryEntry entry : entries) {
            history.replaceOne(Filters.eq(HistoryDocuments.ID, entry.id()), HistoryDocuments.toDocument(entry),
                    new ReplaceOptions().upsert(true));
        }
    }

    /** The order's stored entries up to {@code maxVersion}, oldest first. */
    public List<HistoryEntry> find(String orderId, long maxVersion) {
        List<HistoryEntry> entries = new ArrayList<>();
        history.find(Filters.and(Filters.eq(HistoryDocuments.ORDER_ID, orderId),
                        Filters.lte(HistoryDocuments.VERSION, maxVersion)))
                .sort(Sorts.ascending(HistoryDocuments.VERSION))
                .forEach(doc -> entries.add(HistoryDocuments.fromDocument(doc)));
        return entries;
    }
}
