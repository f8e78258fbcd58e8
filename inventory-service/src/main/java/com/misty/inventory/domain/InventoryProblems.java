package com.misty.inventory.domain;

import com.misty.platform.problem.DomainException;

/** The domain outcomes of inventory as problems; details keep the original system's messages. */
public final class InventoryProblems {

    public static final String INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK";
    public static final String INSUFFICIENT_STOCK_DETAIL = "Insufficient stock or concurrent allocation occurred";

    private InventoryProblems() {
    }

    public static DomainException insufficientStock(long available) {
        return DomainException.conflict(INSUFFICIENT_STOCK, INSUFFICIENT_STOCK_DETAIL).with("available", available);
    }

    public static DomainException belowZero(long available) {
        return DomainException.conflict("STOCK_BELOW_ZERO", "An adjustment cannot take stock below zero.")
                .with("available", available);
    }

    public static DomainException stockNotFound(String id) {
        return DomainException.notFound("Stock", id);
    }

    public static DomainException noStockFor(String productId, String clientId) {
        return new DomainException(404, "NOT_FOUND",
                "No stock of product " + productId + " for client " + clientId + ".");
    }

    public static DomainException allocationNotFound(String id) {
        return DomainException.notFound("Allocation", id);
    }

    public static DomainException ownedByOrder(String orderId) {
        return DomainException.conflict("ORDER_ALLOCATION",
                "This allocation belongs to order " + orderId + "; cancel or revise the order to release it.");
    }

    public static DomainException notOpen(String allocationId, AllocationStatus status) {
        return DomainException.conflict("ALLOCATION_CLOSED",
                "Allocation " + allocationId + " is " + status.name().toLowerCase() + "; only an open allocation can be issued.")
                .with("status", status.name());
    }

    public static DomainException moreThanAllocated(long allocated) {
        return DomainException.badRequest("VALIDATION_FAILED",
                "quantity must not exceed the allocated quantity (" + allocated + ")").with("allocated", allocated);
    }

    public static DomainException productNotFound(String code) {
        return DomainException.notFound("Product", code);
    }

    public static DomainException productExists(String code) {
        return DomainException.conflict("PRODUCT_EXISTS", "A product with code " + code + " exists already.");
    }

    public static DomainException staleProduct(String code, long currentVersion) {
        return DomainException.conflict("VERSION_CONFLICT",
                "Product " + code + " was changed by someone else; reload it and apply your change again.")
                .with("current_version", currentVersion);
    }

    public static DomainException staleReorderLevel(String stockId, long currentVersion) {
        return DomainException.conflict("VERSION_CONFLICT",
                "The reorder level of stock " + stockId + " was changed by someone else; reload it and set it again.")
                .with("current_version", currentVersion);
    }

    public static DomainException unitInUse(String code) {
        return DomainException.conflict("UNIT_IN_USE",
                "Stock of product " + code + " exists, counted in its current unit; the unit cannot change.");
    }

    public static DomainException productInUse(String code) {
        return DomainException.conflict("PRODUCT_IN_USE", "Stock of product " + code + " exists; it cannot be deleted.");
    }

    public static DomainException unknownUnit(String unit) {
        return DomainException.badRequest("VALIDATION_FAILED",
                "unit must be one of each, sheet, metre, square_metre, kilogram (got " + String.valueOf(unit).strip() + ")");
    }

    /** A quantity in a unit with decimals: positive, at most the unit's decimals, at most 1e9 of the unit. */
    public static DomainException invalidQuantity(String field, String unit, int decimals) {
        if (decimals == 0) {
            return invalidQuantity(field);
        }
        return DomainException.badRequest("VALIDATION_FAILED", field + " must be between 0 and "
                + Quantities.MAX_PER_REQUEST + " " + unit + " with at most " + decimals + " decimals");
    }

    public static DomainException invalidQuantity(String field) {
        return DomainException.badRequest("VALIDATION_FAILED",
                field + " must be a whole number of units between 1 and " + Quantities.MAX_PER_REQUEST);
    }
}
