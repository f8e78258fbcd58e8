package com.misty.orders.domain;

import static com.misty.contracts.imports.OriginalValues.day;
import static com.misty.contracts.imports.OriginalValues.decimal;
import static com.misty.contracts.imports.OriginalValues.instant;
import static com.misty.contracts.imports.OriginalValues.text;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How an order of the original system becomes an order of this suite (the rules the root README's import section
 * documents): its {@code id} is kept, its lower-case status is mapped ({@link #DEFAULT_STATUSES}, adjustable per
 * import), a missing version becomes 1, its lines keep product and quantity. Either a mapped {@link Order} or the
 * reason it cannot be imported; never a guess.
 */
public final class OriginalOrderMapping {

    /**
     * The original's statuses and the suite's. The original had no stock saga, so an order it held as
     * {@code pending} had been accepted and waits for production: CONFIRMED. PENDING_STOCK is never a target
     * (no saga would ever move an imported order out of it).
     */
    public static final Map<String, OrderStatus> DEFAULT_STATUSES = Map.ofEntries(
            Map.entry("pending", OrderStatus.CONFIRMED), Map.entry("confirmed", OrderStatus.CONFIRMED),
            Map.entry("active", OrderStatus.CONFIRMED), Map.entry("in_production", OrderStatus.IN_PRODUCTION),
            Map.entry("in_progress", OrderStatus.IN_PRODUCTION), Map.entry("completed", OrderStatus.COMPLETED),
            Map.entry("delivered", OrderStatus.COMPLETED), Map.entry("cancelled", OrderStatus.CANCELLED),
            Map.entry("canceled", OrderStatus.CANCELLED), Map.entry("rejected", OrderStatus.REJECTED));

    /** The fields this mapping reads; anything else on a record is reported as unmapped by the importer. */
    public static final Set<String> KNOWN_FIELDS = Set.of("_id", "id", "order_number", "client_id", "client_name",
            "contact_name", "contact_email", "contact_phone", "lines", "due_date", "notes", "status", "version",
            "created_at", "created_by", "updated_at", "updated_by", "completed_at");

    private final Map<String, OrderStatus> statuses;

    /** @param statusOverrides original status (any case) → suite status name, on top of the defaults */
    public OriginalOrderMapping(Map<String, String> statusOverrides) {
        Map<String, OrderStatus> all = new HashMap<>(DEFAULT_STATUSES);
        if (statusOverrides != null) {
            statusOverrides.forEach((from, to) -> all.put(from.toLowerCase(Locale.ROOT), OrderStatus.valueOf(to)));
        }
        this.statuses = Map.copyOf(all);
    }

    /** An order ready to store, or the reason the record cannot become one. */
    public sealed interface Mapped permits Accepted, Refused {
    }

    public record Accepted(Order order) implements Mapped {
    }

    public record Refused(String id, String reason) implements Mapped {
    }

    public Mapped map(Map<String, Object> record, String actor, Instant now) {
        String id = text(record.get("id"));
        if (id == null) {
            return new Refused(text(record.get("_id")), "no id: references to it could not be kept");
        }
        String number = text(record.get("order_number"));
        if (number == null) {
            return new Refused(id, "no order_number");
        }
        String clientId = text(record.get("client_id"));
        if (clientId == null) {
            return new Refused(id, "no client_id");
        }
        String rawStatus = text(record.get("status"));
        OrderStatus status = rawStatus == null ? null : statuses.get(rawStatus.toLowerCase(Locale.ROOT));
        if (status == null) {
            return new Refused(id, "status '" + rawStatus + "' has no mapping (add it to the mapping file's order statuses)");
        }
        List<OrderLineItem> lines = new ArrayList<>();
        if (record.get("lines") instanceof List<?> stored) {
            for (Object item : stored) {
                if (!(item instanceof Map<?, ?> line)) {
                    return new Refused(id, "a line is not an object");
                }
                String product = text(line.get("product_id"));
                BigDecimal quantity = decimal(line.get("quantity"));
                if (product == null || quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
                    return new Refused(id, "line " + (lines.size() + 1) + " needs a product_id and a positive whole quantity");
                }
                lines.add(new OrderLineItem(lines.size() + 1, product, quantity.longValueExact(), text(line.get("notes"))));
            }
        }
        BigDecimal version = decimal(record.get("version"));
        Instant created = instant(record.get("created_at"));
        return new Accepted(new Order(id, number, clientId, text(record.get("client_name")), text(record.get("contact_name")),
                text(record.get("contact_email")), text(record.get("contact_phone")), lines, day(record.get("due_date")),
                text(record.get("notes")), status, null, version == null || version.signum() <= 0 ? 1 : version.longValue(),
                0, 0, null, List.of(), status == OrderStatus.COMPLETED ? instant(record.get("completed_at")) : null, null,
                text(record.get("created_by")) == null ? actor : text(record.get("created_by")),
                created == null ? now : created, actor, now));
    }

    /** The same order under another number (a duplicate of the original's, renumbered). */
    public static Order renumbered(Order order, String number) {
        return new Order(order.id(), number, order.clientId(), order.clientName(), order.contactName(), order.contactEmail(),
                order.contactPhone(), order.lines(), order.dueDate(), order.notes(), order.status(), order.statusReason(),
                order.version(), order.revision(), order.lastRevision(), order.pendingRevision(), order.allocations(),
                order.completedAt(), order.stockConsumedAt(), order.createdBy(), order.createdAt(), order.updatedBy(),
                order.updatedAt());
    }
}
