package com.misty.platform.validation;

import com.misty.platform.problem.DomainException;

import java.util.Collection;
import java.util.Map;

/**
 * The tables an operator gives an import (an original value → the suite's: roles, statuses, units): each entry must
 * name one of the suite's values, or the whole request is refused before any record is read — a wrong mapping
 * would import wrong data, not fail later.
 */
public final class ImportTables {

    private ImportTables() {
    }

    /**
     * {@code table} (empty if null) when every entry maps a non-blank original value to one of {@code targets};
     * else 400 {@code code} naming {@code field} and the entry.
     *
     * @param what what the keys are, as the message says it ("an original status")
     */
    public static Map<String, String> requireTargets(Map<String, String> table, Collection<String> targets, String code,
                                                     String field, String what) {
        if (table == null) {
            return Map.of();
        }
        table.forEach((from, to) -> {
            if (from == null || from.isBlank() || to == null || !targets.contains(to)) {
                throw DomainException.badRequest(code, field + " maps " + what + " to one of "
                        + targets.stream().sorted().toList() + "; '" + from + "' → '" + to + "' does not.").with("field", field);
            }
        });
        return table;
    }
}
