package com.misty.inventory.domain;

/**
 * Stock is counted in whole steps of its unit (a {@code long}: units for whole-unit products, thousandths for
 * units with 3 decimals); one request moves at most {@link #MAX_PER_REQUEST} units, i.e. at most 10^12 steps,
 * so even millions of maximal receipts stay far below {@code Long.MAX_VALUE}.
 */
public final class Quantities {

    public static final String UNIT = "units";
    public static final long MAX_PER_REQUEST = 1_000_000_000L;

    private Quantities() {
    }

    public static boolean isValid(long quantity) {
        return quantity > 0 && quantity <= MAX_PER_REQUEST;
    }

    /**
     * A quantity in a unit with {@code decimals} decimals as a whole number of its smallest step (3 decimals:
     * thousandths), or empty if it has more decimals, is not positive, or exceeds {@link #MAX_PER_REQUEST} units.
     */
    public static java.util.OptionalLong toSteps(java.math.BigDecimal quantity, int decimals) {
        if (quantity == null || quantity.signum() <= 0 || quantity.compareTo(java.math.BigDecimal.valueOf(MAX_PER_REQUEST)) > 0) {
            return java.util.OptionalLong.empty();
        }
        java.math.BigDecimal steps = quantity.movePointRight(decimals);
        if (steps.stripTrailingZeros().scale() > 0) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(steps.longValueExact());
    }

    /** Steps back to the unit, with exactly the unit's decimals (12.500 kg; 7 sheets). */
    public static java.math.BigDecimal toUnits(long steps, int decimals) {
        return java.math.BigDecimal.valueOf(steps, decimals);
    }

    /** 10^decimals: steps per unit. */
    public static long stepsPerUnit(int decimals) {
        return java.math.BigInteger.TEN.pow(decimals).longValueExact();
    }
}
