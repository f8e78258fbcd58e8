package com.misty.contracts.orders;

import java.math.BigDecimal;

/**
 * How much of one order line's allocated stock production actually used, in the product's unit.
 * Inventory consumes {@code used} (at most what is allocated) and releases the rest.
 */
public record LineUsage(int line, BigDecimal used) {
}
