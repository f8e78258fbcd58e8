package com.misty.inventory.rest;

import java.math.BigDecimal;

import com.misty.inventory.domain.Quantities;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the stock API; quantities are in the product's unit (whole units unless the catalogue gives it
 * a unit with decimals), at most {@link Quantities#MAX_PER_REQUEST}; the service checks the decimals.
 */
public final class StockRequests {

    private static final String MAX = "1000000000";

    private StockRequests() {
    }

    public record Receipt(
            @NotBlank @Size(max = 100) String productId,
            @NotBlank @Size(max = 100) String clientId,
            @NotNull @Positive @DecimalMax(MAX) BigDecimal quantity,
            @Size(max = 200) String reference) {
    }

    public record AllocationRequest(
            @NotBlank @Size(max = 100) String productId,
            @NotBlank @Size(max = 100) String clientId,
            @NotNull @Positive @DecimalMax(MAX) BigDecimal quantity,
            @Size(max = 100) String orderId) {
    }

    /** @param quantity what production used of the allocation; absent: all of it */
    public record Issue(
            @NotBlank @Size(max = 100) String allocationId,
            @PositiveOrZero @DecimalMax(MAX) BigDecimal quantity) {
    }

    /** @param reorderVersion the reorder setting's version the change is based on (0 before the first) */
    public record ReorderLevel(
            @NotNull @PositiveOrZero @DecimalMax(MAX) BigDecimal reorderLevel,
            @NotNull @PositiveOrZero Long reorderVersion) {
    }

    public record Adjustment(
            @NotBlank @Size(max = 100) String productId,
            @NotBlank @Size(max = 100) String clientId,
            @NotNull @DecimalMin("-" + MAX) @DecimalMax(MAX) BigDecimal quantityChange,
            @NotBlank @Size(max = 500) String reason) {
    }
}
