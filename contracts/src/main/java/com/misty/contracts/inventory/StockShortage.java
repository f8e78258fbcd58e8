package com.misty.contracts.inventory;

/** A line that could not be allocated: what was asked and what was on hand at the time. */
public record StockShortage(int line, String productId, long requested, long available) {
}
