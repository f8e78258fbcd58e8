package com.misty.orders.repository;

import com.misty.contracts.inventory.AllocatedLine;
import com.misty.orders.domain.Order;
import com.misty.orders.domain.OrderLineItem;
import com.misty.orders.domain.OrderStatus;
import com.misty.orders.domain.PendingRevision;
import com.misty.platform.storage.StoredValues;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Maps orders to and from their stored form (snake_case fields, as in the original system). */
final class OrderDocuments {

    static final String ID = "_id";
    static final String ORDER_NUMBER = "order_number";
    static final String CLIENT_ID = "client_id";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String CREATED_AT = "created_at";
    static final String DUE_DATE = "due_date";
    static final String COMPLETED_AT = "completed_at";
    static final String STOCK_CONSUMED_AT = "stock_consumed_at";

    private OrderDocuments() {
    }

    /** Everything of a new order but its {@code _id} (the insert's filter supplies it) and its outbox. */
    static Document newOrderFields(Order order) {
        Document fields = new Document(ORDER_NUMBER, order.orderNumber())
                .append(CLIENT_ID, order.clientId())
                .append("client_name", order.clientName())
                .append("created_by", order.createdBy())
                .append(CREATED_AT, toDate(order.createdAt()))
                .append(VERSION, order.version());
        fields.putAll(mutableFields(order));
        return fields;
    }

    /** The fields a write may change (everything but identity, number, client, creation and version). */
    static Document mutableFields(Order order) {
        return new Document("contact_name", order.contactName())
                .append("contact_email", order.contactEmail())
                .append("contact_phone", order.contactPhone())
                .append("lines", lines(order.lines()))
                .append("due_date", order.dueDate() == null ? null : order.dueDate().toString())
                .append("notes", order.notes())
                .append(STATUS, order.status().name())
                .append("status_reason", order.statusReason())
                .append("revision", order.revision())
                .append("last_revision", order.lastRevision())
                .append("pending_revision", pendingRevision(order.pendingRevision()))
                .append("allocations", order.allocations().stream().map(OrderDocuments::allocation).toList())
                .append(COMPLETED_AT, toDate(order.completedAt()))
                .append(STOCK_CONSUMED_AT, toDate(order.stockConsumedAt()))
                .append("updated_by", order.updatedBy())
                .append("updated_at", toDate(order.updatedAt()));
    }

    /**
     * Reads tolerantly ({@link StoredValues}): an ObjectId {@code _id}, a lower-case or unknown status, a missing
     * version (1, as the original's Migration 1 would give it) or a missing optional field never fail a read.
     */
    static Order fromDocument(Document doc) {
        return new Order(StoredValues.id(doc), StoredValues.text(doc, ORDER_NUMBER), StoredValues.text(doc, CLIENT_ID),
                StoredValues.text(doc, "client_name"), StoredValues.text(doc, "contact_name"),
                StoredValues.text(doc, "contact_email"), StoredValues.text(doc, "contact_phone"),
                linesOf(documents(doc, "lines")), StoredValues.day(doc, "due_date"), StoredValues.text(doc, "notes"),
                StoredValues.enumValue(OrderStatus.class, doc.get(STATUS), OrderStatus.UNRECOGNISED),
                StoredValues.text(doc, "status_reason"), StoredValues.number(doc, VERSION, 1),
                number(doc, "revision"), number(doc, "last_revision"),
                pendingRevisionOf(doc.get("pending_revision") instanceof Document d ? d : null),
                documents(doc, "allocations").stream().map(OrderDocuments::allocationOf).toList(),
                StoredValues.instant(doc, COMPLETED_AT), StoredValues.instant(doc, STOCK_CONSUMED_AT),
                StoredValues.text(doc, "created_by"), StoredValues.instant(doc, CREATED_AT),
                StoredValues.text(doc, "updated_by"), StoredValues.instant(doc, "updated_at"));
    }

    private static List<Document> documents(Document doc, String field) {
        return StoredValues.documents(doc, field);
    }

    private static List<Document> lines(List<OrderLineItem> lines) {
        return lines.stream().map(l -> new Document("line", l.line()).append("product_id", l.productId())
                .append("quantity", l.quantity()).append("notes", l.notes())).toList();
    }

    private static List<OrderLineItem> linesOf(List<Document> docs) {
        java.util.ArrayList<OrderLineItem> lines = new java.util.ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            Document d = docs.get(i);
            // A line without its number is numbered by its place, as the suite numbers lines from 1.
            lines.add(new OrderLineItem((int) StoredValues.number(d, "line", i + 1L), StoredValues.text(d, "product_id"),
                    StoredValues.number(d, "quantity", 0), StoredValues.text(d, "notes")));
        }
        return lines;
    }

    private static Document pendingRevision(PendingRevision revision) {
        if (revision == null) {
            return null;
        }
        return new Document("revision", revision.revision()).append("lines", lines(revision.lines()))
                .append("requested_by", revision.requestedBy()).append("requested_at", toDate(revision.requestedAt()));
    }

    private static PendingRevision pendingRevisionOf(Document doc) {
        if (doc == null) {
            return null;
        }
        return new PendingRevision(number(doc, "revision"), linesOf(documents(doc, "lines")),
                StoredValues.text(doc, "requested_by"), StoredValues.instant(doc, "requested_at"));
    }

    private static Document allocation(AllocatedLine line) {
        return new Document("line", line.line()).append("product_id", line.productId())
                .append("allocation_id", line.allocationId()).append("quantity", line.quantity());
    }

    private static AllocatedLine allocationOf(Document doc) {
        return new AllocatedLine((int) StoredValues.number(doc, "line", 0), StoredValues.text(doc, "product_id"),
                StoredValues.text(doc, "allocation_id"), StoredValues.number(doc, "quantity", 0));
    }

    private static long number(Document doc, String field) {
        return StoredValues.number(doc, field, 0);
    }

    private static Date toDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
