package com.misty.orders.domain;

import java.time.LocalDate;
import java.util.List;

/** The part of an order its users edit; the server owns id, number, client, status and version. */
public record OrderDetails(String contactName, String contactEmail, String contactPhone, List<OrderLineItem> lines,
                           LocalDate dueDate, String notes) {

    public OrderDetails {
        lines = List.copyOf(lines);
    }
}
