package com.misty.platform.storage;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/**
 * Tolerant reading of stored documents: a value this code did not write (the original system's data, a field
 * added by hand, an older build's document) is mapped to the nearest meaning or to an explicit
 * "unrecognised" value, never thrown at the reader as a 500. Writers keep using their exact types.
 */
public final class StoredValues {

    private StoredValues() {
    }

    /** {@code _id} as text: the suite writes strings; the original system left MongoDB's ObjectIds. */
    public static String id(Document doc) {
        Object id = doc.get("_id");
        if (id instanceof ObjectId objectId) {
            return objectId.toHexString();
        }
        return id == null ? null : id.toString();
    }

    /**
     * The filter that finds a document by the id {@link #id} showed: the text itself, or the ObjectId it spells
     * (reads only; writes address the suite's own string ids).
     */
    public static Bson byId(String id) {
        return ObjectId.isValid(id) ? Filters.in("_id", id, new ObjectId(id)) : Filters.eq("_id", id);
    }

    /** A text field, or null when missing; a number or flag stored where text belongs is read as its text. */
    public static String text(Document doc, String field) {
        Object value = doc.get(field);
        if (value == null || value instanceof Document || value instanceof Iterable<?>) {
            return null;
        }
        if (value instanceof ObjectId objectId) {
            return objectId.toHexString();
        }
        return value.toString();
    }

    /** The sub-documents of an array field; anything else in it (or no array at all) is skipped. */
    public static java.util.List<Document> documents(Document doc, String field) {
        return doc.get(field) instanceof java.util.List<?> list
                ? list.stream().filter(Document.class::isInstance).map(Document.class::cast).toList()
                : java.util.List.of();
    }

    /** The text elements of an array field; anything else in it (or no array at all) is skipped. */
    public static java.util.List<String> texts(Document doc, String field) {
        return doc.get(field) instanceof java.util.List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : java.util.List.of();
    }

    /** A whole number, or {@code fallback} when missing or not a number. */
    public static long number(Document doc, String field, long fallback) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.longValue() : fallback;
    }

    /** An exact decimal (Decimal128, integer or a double read through its shortest text), or null. */
    public static BigDecimal decimal(Document doc, String field) {
        Object value = doc.get(field);
        if (value instanceof Decimal128 d) {
            return d.isNaN() || d.isInfinite() ? null : d.bigDecimalValue();
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : new BigDecimal(d.toString());
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? null : new BigDecimal(f.toString());
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A flag, or {@code fallback} when missing; "true"/"false" text is read as the flag. */
    public static boolean flag(Document doc, String field, boolean fallback) {
        Object value = doc.get(field);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        return fallback;
    }

    /** A moment stored as a date, or as ISO text (the original's Python wrote both); null when neither. */
    public static Instant instant(Document doc, String field) {
        Object value = doc.get(field);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String s) {
            return parseInstant(s.trim());
        }
        return null;
    }

    /** A calendar day stored as ISO text, ISO date-time text or a date; null when none of them. */
    public static LocalDate day(Document doc, String field) {
        Object value = doc.get(field);
        if (value instanceof Date date) {
            return date.toInstant().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        }
        if (!(value instanceof String s) || s.isBlank()) {
            return null;
        }
        String text = s.trim();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The constant of {@code type} a stored name stands for: exact, else ignoring case and separators
     * ({@code "approved"}, {@code "in-production"}); {@code unrecognised} for anything else.
     */
    public static <E extends Enum<E>> E enumValue(Class<E> type, Object stored, E unrecognised) {
        if (!(stored instanceof String s)) {
            return unrecognised;
        }
        String normalised = s.trim().replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        return unrecognised;
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    // Python's datetime.utcnow().isoformat(): no zone, meant as UTC.
                    return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
                } catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        }
    }
}
