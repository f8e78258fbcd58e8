package com.misty.orders.rest;

import com.misty.contracts.orders.LineUsage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/orders/{id}/complete}: optionally the quantity production actually used per line (at most the
 * line's quantity); a line not listed is consumed in full, the unused rest of a listed line goes back to stock.
 */
public record CompleteOrderRequest(@Size(max = 200) List<@NotNull @Valid Usage> usage) {

    public record Usage(@NotNull @Min(1) Integer line,
                        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 3) BigDecimal used) {
    }

    List<LineUsage> toUsage() {
        return usage == null ? List.of() : usage.stream().map(u -> new LineUsage(u.line(), u.used())).toList();
    }
}
