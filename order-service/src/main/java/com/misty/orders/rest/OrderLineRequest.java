package com.misty.orders.rest;

import com.misty.orders.domain.OrderLineItem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.stream.IntStream;

/** One line as a client sends it; lines are numbered by their position. */
public record OrderLineRequest(
        @NotBlank @Size(max = 100) String productId,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(1_000_000_000) Long quantity,
        @Size(max = 1000) String notes) {

    static List<OrderLineItem> toItems(List<OrderLineRequest> lines) {
        if (lines == null) {
            return null;
        }
        return IntStream.range(0, lines.size())
                .mapToObj(i -> new OrderLineItem(i + 1, lines.get(i).productId().strip(), lines.get(i).quantity(),
                        lines.get(i).notes()))
                .toList();
    }
}
