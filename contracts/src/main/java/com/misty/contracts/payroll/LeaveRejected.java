package com.misty.contracts.payroll;

/** A leave request was rejected. */
public record LeaveRejected(String leaveRequestId, String employeeId, String employeeUserId, String reason,
                            String rejectedBy) {
}
