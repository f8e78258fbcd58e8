package com.misty.payroll.rest;

import com.misty.payroll.domain.PayrollCalculation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The pay for one approved timesheet, with every input it was computed from. */
@Schema(name = "PayrollCalculation")
public record CalculationResponse(String id, String timesheetId, String employeeId, String employeeUserId,
                                  String week, LocalDate periodStart, LocalDate periodEnd, BigDecimal totalHours,
                                  BigDecimal regularHours, BigDecimal overtimeHours, BigDecimal hourlyRate,
                                  BigDecimal standardWeeklyHours, BigDecimal overtimeMultiplier,
                                  BigDecimal regularPay, BigDecimal overtimePay, BigDecimal grossPay,
                                  String calculatedBy, Instant calculatedAt) {

    static CalculationResponse of(PayrollCalculation c) {
        return c == null ? null : new CalculationResponse(c.id(), c.timesheetId(), c.employeeId(), c.employeeUserId(),
                c.week(), c.periodStart(), c.periodEnd(), c.totalHours(), c.regularHours(), c.overtimeHours(),
                c.hourlyRate(), c.standardWeeklyHours(), c.overtimeMultiplier(), c.regularPay(), c.overtimePay(),
                c.grossPay(), c.calculatedBy(), c.calculatedAt());
    }
}
