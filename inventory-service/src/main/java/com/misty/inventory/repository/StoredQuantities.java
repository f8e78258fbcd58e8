package com.misty.inventory.repository;

import com.misty.platform.storage.StoredValues;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A stock record's quantities as whole steps, whoever wrote them. With {@code decimals} stored, the fields already
 * are steps (the suite's form). Without it (the original system's form) they are units, maybe fractional
 * (12.5, 0.125): the record is then counted in as many decimals as its most precise quantity needs, so each value
 * is kept exactly.
 */
record StoredQuantities(int decimals, Map<String, Long> steps) {

    /** More decimals than this are not a quantity anyone counts; the rest is rounded down and the record still reads. */
    private static final int MAX_INFERRED_DECIMALS = 6;

    static StoredQuantities of(Document d, String... fields) {
        Map<String, Long> steps = new HashMap<>();
        if (d.get("decimals") instanceof Number n) {
            for (String field : fields) {
                steps.put(field, StoredValues.number(d, field, 0));
            }
            return new StoredQuantities(n.intValue(), steps);
        }
        int decimals = 0;
        Map<String, BigDecimal> units = new HashMap<>();
        for (String field : fields) {
            BigDecimal value = StoredValues.decimal(d, field);
            units.put(field, value == null ? BigDecimal.ZERO : value);
            decimals = Math.max(decimals, Math.max(0, units.get(field).stripTrailingZeros().scale()));
        }
        decimals = Math.min(decimals, MAX_INFERRED_DECIMALS);
        for (String field : fields) {
            steps.put(field, units.get(field).movePointRight(decimals).setScale(0, java.math.RoundingMode.DOWN).longValue());
        }
        return new StoredQuantities(decimals, steps);
    }

    long steps(String field) {
        return steps.getOrDefault(field, 0L);
    }
}
