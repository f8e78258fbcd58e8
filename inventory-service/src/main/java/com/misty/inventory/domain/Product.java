package com.misty.inventory.domain;

import java.time.Instant;

/**
 * A product of the catalogue: stock of it is counted in its unit. {@code code} is the product id stock records,
 * order lines and events refer to.
 */
public record Product(String code, String name, UnitOfMeasure unit, long version, Instant createdAt, Instant updatedAt) {
}
