package com.misty.inventory.rest;

import com.misty.inventory.domain.Quantities;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the stock API; quantities are whole units, at most {@link Quantities#MAX_PER_REQUEST}. */
public final class StockRequests {

    private StockRequests() {
    }

    public record Receipt(
            @NotBlank @Size(max = 100) String productId,
            @NotBlank @Size(max = 100) String clientId,
            @NotNull @Positive @Max(Quantities.MAX_PER_REQUEST) Long quantity,
            @Size(max = 200) String reference) {
    }

    public record AllocationRequest(
            @NotBlank @Size(max = 100) String productId,
            @NotBlank @Size(max = 100) String clientId,
            @NotNull @Positive @Max(Quantities.MAX_PER_REQUEST) Long quantity,
            @Size(max = 100) String orderId) {
    }

    /** @param quantity what production used of the allocation; absent: all of it */
    public record Issue(
            @NotBlank @Size(max = 100) String allocationId,
            @PositiveOrZero @Max(Quantities.MAX_PER_REQUEST) Long quantity) {
    }

    public record Adjustment(
            @NotBlank @Size(max = 100) String productId,
            @NotBlank @Size(max = 100) String clientId,
            @NotNull @Min(-Quantities.MAX_PER_REQUEST) @Max(Quantities.MAX_PER_REQUEST) Long quantityChange,
            @NotBlank @Size(max = 500) String reason) {
    }
}
