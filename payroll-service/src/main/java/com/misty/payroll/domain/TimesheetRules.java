package com.misty.payroll.domain;


import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks on timesheet entries: each day of the sheet's week at most once, 0 to 24 hours a day, and no more than
 * the configured weekly ceiling in all (168 hours is possible day by day, never plausible).
 */
public final class TimesheetRules {

    private static final BigDecimal MAX_HOURS_PER_DAY = BigDecimal.valueOf(24);

    private TimesheetRules() {
    }

    public static void checkEntries(IsoWeek week, List<TimesheetEntry> entries, BigDecimal maxWeeklyHours) {
        Set<LocalDate> seen = new HashSet<>();
        for (TimesheetEntry entry : entries) {
            if (!week.contains(entry.date())) {
                throw PayrollProblems.entryOutsideWeek(entry.date(), week);
            }
            if (!seen.add(entry.date())) {
                throw PayrollProblems.dateTwice(entry.date());
            }
            if (entry.hours().signum() < 0 || entry.hours().compareTo(MAX_HOURS_PER_DAY) > 0) {
                throw PayrollProblems.hoursPerDayOutOfRange();
            }
        }
        BigDecimal total = entries.stream().map(TimesheetEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(maxWeeklyHours) > 0) {
            throw PayrollProblems.weeklyHoursExceeded(maxWeeklyHours, total);
        }
    }
}
