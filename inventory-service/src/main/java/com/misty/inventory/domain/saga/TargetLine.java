package com.misty.inventory.domain.saga;

/** What an order line should hold after the event being handled. */
public record TargetLine(int line, String productId, long quantity) {
}
