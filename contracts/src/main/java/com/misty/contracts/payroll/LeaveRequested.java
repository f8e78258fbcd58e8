package com.misty.contracts.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An employee asked for leave. {@code employeeUserId} is the auth user id, for per-user live views. */
public record LeaveRequested(String leaveRequestId, String employeeId, String employeeUserId, String leaveType,
                             LocalDate startDate, LocalDate endDate, BigDecimal hours) {
}
