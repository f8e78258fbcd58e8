package com.misty.contracts.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reading a field of a record the original system stored, as the import command sends it (JSON: numbers, text,
 * dates as ISO text). Null for what is missing or unreadable; each service's mapping decides what that means.
 */
public final class OriginalValues {

    private OriginalValues() {
    }

    public static String text(Object value) {
        return value == null || value instanceof Map || value instanceof List ? null : value.toString();
    }

    /** Exact: a JSON number or numeric text, through its decimal text (12.5 stays 12.5). */
    public static BigDecimal decimal(Object value) {
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A day from ISO date or date-time text. */
    public static LocalDate day(Object value) {
        String text = text(value);
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** ISO text with or without a zone (Python's isoformat() of a naive UTC datetime has none). */
    public static Instant instant(Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** The first of {@code fields} holding non-blank text, stripped; null if none does. */
    public static String firstText(Map<String, Object> record, String... fields) {
        for (String field : fields) {
            String value = text(record.get(field));
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** A flag as Python stored it: a boolean, or its text in any case. */
    public static boolean flag(Object value) {
        return value instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(value).strip());
    }

    /**
     * Whether a record is active: {@code active} if it has one, else the original's {@code is_active}, else true.
     */
    public static boolean active(Map<String, Object> record) {
        return record.containsKey("active") ? flag(record.get("active"))
                : !record.containsKey("is_active") || flag(record.get("is_active"));
    }
}
