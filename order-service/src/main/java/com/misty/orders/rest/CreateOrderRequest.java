package com.misty.orders.rest;

import com.misty.orders.domain.NewOrder;
import com.misty.orders.domain.OrderDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/orders}: the server assigns id, order number, status and version. */
public record CreateOrderRequest(
        @NotBlank @Size(max = 100) String clientId,
        @Size(max = 200) String contactName,
        @Email @Size(max = 200) String contactEmail,
        @Size(max = 50) String contactPhone,
        @NotNull @Size(min = 1, max = 200, message = "must have between 1 and 200 lines") List<@NotNull @Valid OrderLineRequest> lines,
        LocalDate dueDate,
        @Size(max = 4000) String notes) {

    NewOrder toNewOrder() {
        return new NewOrder(clientId.strip(), new OrderDetails(contactName, contactEmail, contactPhone,
                OrderLineRequest.toItems(lines), dueDate, notes));
    }
}
