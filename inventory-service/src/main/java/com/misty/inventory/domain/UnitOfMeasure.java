package com.misty.inventory.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The units substrates are bought and used in, with the decimals each allows. Quantities are stored as whole
 * numbers of the smallest step ({@code 10^-decimals} of the unit: grams for kilograms, millimetres for metres),
 * so every {@code $inc} stays exact.
 */
public enum UnitOfMeasure {
    EACH("each", 0),
    SHEET("sheet", 0),
    METRE("metre", 3),
    SQUARE_METRE("square_metre", 3),
    KILOGRAM("kilogram", 3);

    private final String code;
    private final int decimals;

    UnitOfMeasure(String code, int decimals) {
        this.code = code;
        this.decimals = decimals;
    }

    public String code() {
        return code;
    }

    public int decimals() {
        return decimals;
    }

    public static Optional<UnitOfMeasure> of(String code) {
        return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
    }
}
