package com.misty.contracts.imports;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fields of imported records that a service's mapping does not read, with the number of records carrying each:
 * reported with every import answer, so nothing the original stored is dropped without the operator seeing it
 * (who then maps it, e.g. renames it in the mapping file, or accepts the loss).
 */
public final class UnmappedFields {

    private UnmappedFields() {
    }

    /** Field name → number of {@code records} that carry it and that the mapping does not read. */
    public static Map<String, Long> count(List<Map<String, Object>> records, Set<String> known) {
        return count(records, known, Set.of());
    }

    /** As {@link #count(List, Set)}, with {@code alsoKnown} (e.g. field names an operator configured) read too. */
    public static Map<String, Long> count(List<Map<String, Object>> records, Set<String> known, Collection<String> alsoKnown) {
        Map<String, Long> unmapped = new TreeMap<>();
        if (records == null) {
            return unmapped;
        }
        for (Map<String, Object> record : records) {
            for (String field : record.keySet()) {
                if (!known.contains(field) && !alsoKnown.contains(field)) {
                    unmapped.merge(field, 1L, Long::sum);
                }
            }
        }
        return unmapped;
    }
}
