package com.misty.contracts.payroll;

import java.math.BigDecimal;

/** Pay for one approved timesheet was calculated (exactly one per timesheet). */
public record PayrollCalculated(String calculationId, String timesheetId, String employeeId, String employeeUserId,
                                BigDecimal grossPay) {
}
