package com.misty.payroll.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a caller asks for; {@code employeeId} null means "for myself". */
public record NewLeaveRequest(String employeeId, LeaveType leaveType, LocalDate startDate, LocalDate endDate,
                              BigDecimal hours, String reason) {
}
