package com.misty.payroll.domain;

import com.misty.platform.problem.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Checks on a new leave request that need no stored state. */
public final class LeaveRules {

    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);
    private static final long MAX_DAYS = 366;

    private LeaveRules() {
    }

    public static void checkNewRequest(LocalDate start, LocalDate end, BigDecimal hours) {
        if (end.isBefore(start)) {
            throw DomainException.badRequest("INVALID_DATES", "end_date must not be before start_date.");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS) {
            throw DomainException.badRequest("INVALID_DATES", "A leave request may span at most " + MAX_DAYS + " days.");
        }
        if (hours.signum() <= 0) {
            throw DomainException.badRequest("INVALID_HOURS", "hours must be greater than 0.");
        }
        if (hours.compareTo(HOURS_PER_DAY.multiply(BigDecimal.valueOf(days))) > 0) {
            throw DomainException.badRequest("INVALID_HOURS", "hours exceed 24 per day of the requested period.");
        }
    }
}
