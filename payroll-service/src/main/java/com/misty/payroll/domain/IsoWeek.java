package com.misty.payroll.domain;


import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week such as {@code 2026-W48}: Monday to Sunday. */
public record IsoWeek(int year, int week) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public static IsoWeek parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw PayrollProblems.invalidWeekFormat();
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate probe = LocalDate.of(year, 6, 1);
        if (week < 1 || week > probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw PayrollProblems.noSuchWeek(text);
        }
        return new IsoWeek(year, week);
    }

    /** The week {@code text} names, or empty when it names none (a stored value this code did not write). */
    public static java.util.Optional<IsoWeek> tryParse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            return java.util.Optional.empty();
        }
        int week = Integer.parseInt(m.group(2));
        if (week < 1 || week > LocalDate.of(Integer.parseInt(m.group(1)), 6, 1)
                .range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new IsoWeek(Integer.parseInt(m.group(1)), week));
    }

    /** The ISO week {@code date} falls in. */
    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(DayOfWeek.MONDAY);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(monday()) && !date.isAfter(sunday());
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
