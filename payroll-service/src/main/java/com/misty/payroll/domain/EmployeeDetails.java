package com.misty.payroll.domain;

import java.math.BigDecimal;
import java.util.Map;

/** The editable part of a profile, as an admin creates or replaces it. */
public record EmployeeDetails(String name, String managerUserId, BigDecimal hourlyRate,
                              BigDecimal standardWeeklyHours, Map<LeaveType, BigDecimal> leaveBalances,
                              boolean active) {
}
