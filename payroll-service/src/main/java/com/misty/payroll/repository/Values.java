package com.misty.payroll.repository;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/** Conversions between stored values and domain values: money and hours are Decimal128, never double. */
final class Values {

    private Values() {
    }

    static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    static BigDecimal decimal(Document doc, String field) {
        Object value = doc.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof Number n) {
            // Imported data may carry ints or longs; doubles are read through their decimal text.
            return new BigDecimal(n.toString());
        }
        throw new IllegalStateException("Field " + field + " is not a number");
    }

    static BigDecimal decimalOrZero(Document doc, String field) {
        BigDecimal value = decimal(doc, field);
        return value == null ? BigDecimal.ZERO : value;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate day(Document doc, String field) {
        String text = doc.getString(field);
        return text == null ? null : LocalDate.parse(text);
    }
}
