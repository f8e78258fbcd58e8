package com.misty.orders.repository;

import com.misty.contracts.inventory.AllocatedLine;
import com.misty.orders.domain.Order;
import com.misty.orders.domain.OrderLineItem;
import com.misty.orders.domain.OrderStatus;
import com.misty.orders.domain.PendingRevision;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
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

    static Order fromDocument(Document doc) {
        return new Order(doc.getString(ID), doc.getString(ORDER_NUMBER), doc.getString(CLIENT_ID), doc.getString("client_name"),
                doc.getString("contact_name"), doc.getString("contact_email"), doc.getString("contact_phone"),
                linesOf(doc.getList("lines", Document.class, List.of())),
                doc.getString("due_date") == null ? null : LocalDate.parse(doc.getString("due_date")),
                doc.getString("notes"), OrderStatus.valueOf(doc.getString(STATUS)), doc.getString("status_reason"),
                number(doc, VERSION), number(doc, "revision"), number(doc, "last_revision"),
                pendingRevisionOf(doc.get("pending_revision", Document.class)),
                doc.getList("allocations", Document.class, List.of()).stream().map(OrderDocuments::allocationOf).toList(),
                toInstant(doc.getDate(COMPLETED_AT)), toInstant(doc.getDate(STOCK_CONSUMED_AT)),
                doc.getString("created_by"), toInstant(doc.getDate(CREATED_AT)),
                doc.getString("updated_by"), toInstant(doc.getDate("updated_at")));
    }

    private static List<Document> lines(List<OrderLineItem> lines) {
        return lines.stream().map(l -> new Document("line", l.line()).append("product_id", l.productId())
                .append("quantity", l.quantity()).append("notes", l.notes())).toList();
    }

    private static List<OrderLineItem> linesOf(List<Document> docs) {
        return docs.stream().map(d -> new OrderLineItem(((Number) d.get("line")).intValue(), d.getString("product_id"),
                ((Number) d.get("quantity")).longValue(), d.getString("notes"))).toList();
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
        return new PendingRevision(number(doc, "revision"), linesOf(doc.getList("lines", Document.class, List.of())),
                doc.getString("requested_by"), toInstant(doc.getDate("requested_at")));
    }

    private static Document allocation(AllocatedLine line) {
        return new Document("line", line.line()).append("product_id", line.productId())
                .append("allocation_id", line.allocationId()).append("quantity", line.quantity());
    }

    private static AllocatedLine allocationOf(Document doc) {
        return new AllocatedLine(((Number) doc.get("line")).intValue(), doc.getString("product_id"),
                doc.getString("allocation_id"), ((Number) doc.get("quantity")).longValue());
    }

    private static long number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static Date toDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
