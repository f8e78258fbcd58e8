package com.misty.orders.domain;

import com.misty.contracts.orders.FieldChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a change did to an order, field by field, as its history and {@code OrderUpdated} show it. */
public final class OrderHistory {

    private record Field(String name, Function<Order, Object> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("contact_name", Order::contactName),
            new Field("contact_email", Order::contactEmail),
            new Field("contact_phone", Order::contactPhone),
            new Field("due_date", Order::dueDate),
            new Field("notes", Order::notes),
            new Field("lines", o -> lines(o.lines())),
            new Field("status", Order::status),
            new Field("status_reason", Order::statusReason),
            new Field("pending_revision", o -> o.pendingRevision() == null ? null
                    : "revision " + o.pendingRevision().revision() + ": " + lines(o.pendingRevision().lines())),
            new Field("revision", Order::revision),
            new Field("completed_at", Order::completedAt),
            new Field("stock_consumed_at", Order::stockConsumedAt));

    private OrderHistory() {
    }

    public static HistoryEntry created(Order order) {
        return new HistoryEntry(order.id(), order.version(), order.createdAt(), order.createdBy(),
                HistoryEntry.Kind.CREATED, List.of());
    }

    /** The entry for {@code after} (the stored next version) made from {@code before}. */
    public static HistoryEntry entry(Order before, Order after, HistoryEntry.Kind kind) {
        return new HistoryEntry(after.id(), after.version(), after.updatedAt(), after.updatedBy(), kind, changes(before, after));
    }

    /** The kind of a user's edit: a change of lines asks for a revision, anything else is an edit. */
    public static HistoryEntry.Kind editKind(Order before, Order after) {
        return Objects.equals(before.pendingRevision(), after.pendingRevision()) ? HistoryEntry.Kind.EDITED
                : HistoryEntry.Kind.REVISION;
    }

    public static List<FieldChange> changes(Order before, Order after) {
        List<FieldChange> changes = new ArrayList<>();
        for (Field field : FIELDS) {
            String old = text(field.value().apply(before));
            String now = text(field.value().apply(after));
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(field.name(), old, now));
            }
        }
        return changes;
    }

    private static String lines(List<OrderLineItem> lines) {
        return lines.stream().map(l -> l.line() + ":" + l.productId() + ":" + l.quantity()
                + (l.notes() == null ? "" : " (" + l.notes() + ")")).collect(Collectors.joining("; "));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
