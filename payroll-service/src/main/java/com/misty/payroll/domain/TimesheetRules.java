package com.misty.payroll.domain;

import com.misty.platform.problem.DomainException;

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
                throw DomainException.badRequest("INVALID_ENTRY",
                        "Entry date " + entry.date() + " is not in week " + week + ".");
            }
            if (!seen.add(entry.date())) {
                throw DomainException.badRequest("INVALID_ENTRY", "Date " + entry.date() + " appears more than once.");
            }
            if (entry.hours().signum() < 0 || entry.hours().compareTo(MAX_HOURS_PER_DAY) > 0) {
                throw DomainException.badRequest("INVALID_HOURS", "Hours per day must be between 0 and 24.");
            }
        }
        BigDecimal total = entries.stream().map(TimesheetEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(maxWeeklyHours) > 0) {
            throw DomainException.badRequest("WEEKLY_HOURS_EXCEEDED", "A week may have at most "
                    + maxWeeklyHours.stripTrailingZeros().toPlainString() + " hours; this one has "
                    + total.stripTrailingZeros().toPlainString() + ".")
                    .with("max_weekly_hours", maxWeeklyHours).with("total_hours", total);
        }
    }
}
