package com.misty.orders.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields one edit sends. A replacement (PUT) sets every field, null clearing the optional ones; a patch
 * (PATCH) changes only the fields it carries (null there means "leave as it is").
 */
public record OrderChanges(boolean replacement, String contactName, String contactEmail, String contactPhone,
                           List<OrderLineItem> lines, LocalDate dueDate, String notes) {

    public OrderDetails applyTo(OrderDetails current) {
        if (replacement) {
            return new OrderDetails(contactName, contactEmail, contactPhone, lines, dueDate, notes);
        }
        return new OrderDetails(
                contactName != null ? contactName : current.contactName(),
                contactEmail != null ? contactEmail : current.contactEmail(),
                contactPhone != null ? contactPhone : current.contactPhone(),
                lines != null ? lines : current.lines(),
                dueDate != null ? dueDate : current.dueDate(),
                notes != null ? notes : current.notes());
    }
}
