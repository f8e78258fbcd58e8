package com.misty.contracts.payroll;

import java.math.BigDecimal;

/** A leave request was approved, rejected or cancelled. */
public record LeaveDecided(String leaveRequestId, String employeeId, String leaveType, BigDecimal hours, String status,
                           String decidedBy) {
}
