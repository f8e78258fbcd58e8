package com.misty.inventory.repository;

import com.misty.inventory.domain.AllocationEffect;
import com.misty.inventory.domain.AllocationSource;
import com.misty.inventory.domain.Movement;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.MovementType;
import org.bson.Document;

import java.util.Date;

/** The stored form of ledger entries, on the stock record (pending) and in {@code stock_movements} (archived). */
final class MovementDocuments {

    private MovementDocuments() {
    }

    static Document draft(MovementDraft m) {
        Document doc = new Document("movement_id", m.movementId())
                .append("type", m.type().name())
                .append("quantity_change", m.quantityChange())
                .append("actor", m.actor())
                .append("at", Date.from(m.at()));
        putIfPresent(doc, "reason", m.reason());
        putIfPresent(doc, "reference", m.reference());
        if (m.allocationEffect() != null) {
            doc.append("allocation_effect", m.allocationEffect().name())
                    .append("allocation_id", m.allocationId())
                    .append("allocation_quantity", m.allocationQuantity())
                    .append("source", m.source().name());
            putIfPresent(doc, "replaced_allocation_id", m.replacedAllocationId());
            putIfPresent(doc, "order_id", m.orderId());
            putIfPresent(doc, "line", m.line());
            if (m.allocationEffect() == AllocationEffect.ISSUE) {
                doc.append("consumed", m.consumed());
            }
        }
        return doc;
    }

    static MovementDraft draft(Document doc) {
        String effect = doc.getString("allocation_effect");
        String source = doc.getString("source");
        return new MovementDraft(doc.getString("movement_id"), MovementType.valueOf(doc.getString("type")),
                number(doc, "quantity_change"), doc.getString("actor"), doc.getDate("at").toInstant(),
                doc.getString("reason"), doc.getString("reference"),
                effect == null ? null : AllocationEffect.valueOf(effect), doc.getString("allocation_id"),
                number(doc, "allocation_quantity"), doc.getString("replaced_allocation_id"),
                source == null ? null : AllocationSource.valueOf(source), doc.getString("order_id"),
                doc.getInteger("line"), number(doc, "consumed"));
    }

    static Document archived(Movement m) {
        return draft(m.draft()).append("_id", m.draft().movementId())
                .append("stock_id", m.stockId())
                .append("seq", m.seq())
                .append("level_after", m.levelAfter());
    }

    static Movement archived(Document doc) {
        return new Movement(draft(doc), doc.getString("stock_id"), number(doc, "seq"), number(doc, "level_after"));
    }

    static long number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static void putIfPresent(Document doc, String field, Object value) {
        if (value != null) {
            doc.append(field, value);
        }
    }
}
