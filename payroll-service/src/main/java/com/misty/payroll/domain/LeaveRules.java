package com.misty.payroll.domain;


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
            throw PayrollProblems.endBeforeStart();
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS) {
            throw PayrollProblems.periodTooLong(MAX_DAYS);
        }
        if (hours.signum() <= 0) {
            throw PayrollProblems.leaveHoursNotPositive();
        }
        if (hours.compareTo(HOURS_PER_DAY.multiply(BigDecimal.valueOf(days))) > 0) {
            throw PayrollProblems.leaveHoursExceedPeriod();
        }
    }
}
