package com.misty.contracts.orders;

/** One line of an order as other services see it; {@code line} numbers a line within its order, from 1. */
public record OrderLine(int line, String productId, long quantity) {
}
