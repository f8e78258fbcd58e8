package com.misty.inventory.domain;

/**
 * Stock is counted in whole units (a {@code long}); one request moves at most {@link #MAX_PER_REQUEST} units,
 * so even billions of maximal receipts stay far below {@code Long.MAX_VALUE}.
 */
public final class Quantities {

    public static final String UNIT = "units";
    public static final long MAX_PER_REQUEST = 1_000_000_000L;

    private Quantities() {
    }

    public static boolean isValid(long quantity) {
        return quantity > 0 && quantity <= MAX_PER_REQUEST;
    }
}
