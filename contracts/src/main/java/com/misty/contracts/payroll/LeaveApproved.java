package com.misty.contracts.payroll;

import java.math.BigDecimal;

/** A leave request was approved and its hours deducted from the balance (exactly once). */
public record LeaveApproved(String leaveRequestId, String employeeId, String employeeUserId, String leaveType,
                            BigDecimal hours, String approvedBy) {
}
