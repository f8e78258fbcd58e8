package com.misty.payroll.repository;

import com.misty.platform.storage.StoredValues;
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

    /** Imported data may carry ints, longs or doubles (read through their decimal text); anything else reads as null. */
    static BigDecimal decimal(Document doc, String field) {
        return StoredValues.decimal(doc, field);
    }

    static BigDecimal decimalOrZero(Document doc, String field) {
        BigDecimal value = decimal(doc, field);
        return value == null ? BigDecimal.ZERO : value;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document doc, String field) {
        return StoredValues.instant(doc, field);
    }

    static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate day(Document doc, String field) {
        return StoredValues.day(doc, field);
    }
}
