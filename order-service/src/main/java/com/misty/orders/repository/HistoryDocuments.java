package com.misty.orders.repository;

import com.misty.contracts.orders.FieldChange;
import com.misty.orders.domain.HistoryEntry;
import org.bson.Document;

import java.util.Date;
import java.util.List;

/** Maps history entries to and from their stored form (on the order while pending, then in order_history). */
final class HistoryDocuments {

    static final String ID = "_id";
    static final String ORDER_ID = "order_id";
    static final String VERSION = "version";

    private HistoryDocuments() {
    }

    static Document toDocument(HistoryEntry entry) {
        return new Document(ID, entry.id())
                .append(ORDER_ID, entry.orderId())
                .append(VERSION, entry.version())
                .append("at", Date.from(entry.at()))
                .append("actor", entry.actor())
                .append("kind", entry.kind().name())
                .append("changes", entry.changes().stream().map(c -> new Document("field", c.field())
                        .append("old", c.oldValue()).append("new", c.newValue())).toList());
    }

    static HistoryEntry fromDocument(Document doc) {
        List<FieldChange> changes = doc.getList("changes", Document.class, List.of()).stream()
                .map(c -> new FieldChange(c.getString("field"), c.getString("old"), c.getString("new"))).toList();
        return new HistoryEntry(doc.getString(ORDER_ID), ((Number) doc.get(VERSION)).longValue(),
                doc.getDate("at").toInstant(), doc.getString("actor"), HistoryEntry.Kind.valueOf(doc.getString("kind")),
                changes);
    }
}
