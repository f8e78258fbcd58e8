package com.misty.contracts.inventory;

import java.math.BigDecimal;

/** One order line's allocation after production: {@code consumed} left the stock, {@code released} went back. */
public record ConsumedLine(int line, String productId, String allocationId, BigDecimal consumed, BigDecimal released) {
}
