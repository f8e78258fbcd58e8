package com.misty.orders.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which orders a list or an export shows; a null (or empty) member does not filter.
 *
 * @param orderNumber       exactly this number
 * @param orderNumberPrefix numbers starting with this
 * @param statuses          any of these
 * @param dueFrom           due on or after (inclusive); orders without a due date never match a due range
 * @param dueTo             due on or before (inclusive)
 * @param createdFrom       created at or after (inclusive)
 * @param createdBefore     created before (exclusive)
 * @param text              found (ignoring case) in the contact's name, email or phone, or in the notes
 */
public record OrderFilter(String orderNumber, String orderNumberPrefix, String clientId, Set<OrderStatus> statuses,
                          LocalDate dueFrom, LocalDate dueTo, Instant createdFrom, Instant createdBefore, String text) {

    public OrderFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static OrderFilter all() {
        return new OrderFilter(null, null, null, Set.of(), null, null, null, null, null);
    }
}
