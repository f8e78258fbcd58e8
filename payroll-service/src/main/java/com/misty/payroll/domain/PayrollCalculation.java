package com.misty.payroll.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The pay for one approved timesheet, with every input it was computed from. */
public record PayrollCalculation(String id, String timesheetId, String employeeId, String employeeUserId, String week,
                                 LocalDate periodStart, LocalDate periodEnd, BigDecimal totalHours,
                                 BigDecimal regularHours, BigDecimal overtimeHours, BigDecimal hourlyRate,
                                 BigDecimal standardWeeklyHours, BigDecimal overtimeMultiplier,
                                 BigDecimal regularPay, BigDecimal overtimePay, BigDecimal grossPay,
                                 String calculatedBy, Instant calculatedAt) {
}
