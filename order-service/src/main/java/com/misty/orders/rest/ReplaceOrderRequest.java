package com.misty.orders.rest;

import com.misty.orders.domain.OrderChanges;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code PUT /api/orders/{id}}: every editable field; an absent optional field is cleared. {@code version} is
 * the version the change is based on (or send it as {@code If-Match}). The client of an order is fixed.
 */
public record ReplaceOrderRequest(
        Long version,
        @Size(max = 200) String contactName,
        @Email @Size(max = 200) String contactEmail,
        @Size(max = 50) String contactPhone,
        @NotNull @Size(min = 1, max = 200, message = "must have between 1 and 200 lines") List<@NotNull @Valid OrderLineRequest> lines,
        LocalDate dueDate,
        @Size(max = 4000) String notes) {

    OrderChanges toChanges() {
        return new OrderChanges(true, contactName, contactEmail, contactPhone, OrderLineRequest.toItems(lines),
                dueDate, notes);
    }
}
