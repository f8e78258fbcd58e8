package com.misty.payroll.domain;

import com.misty.platform.problem.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks on timesheet entries: each day of the sheet's week at most once, 0 to 24 hours. */
public final class TimesheetRules {

    private static final BigDecimal MAX_HOURS_PER_DAY = BigDecimal.valueOf(24);

    private TimesheetRules() {
    }

    public static void checkEntries(IsoWeek week, List<TimesheetEntry> entries) {
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
    }
}
