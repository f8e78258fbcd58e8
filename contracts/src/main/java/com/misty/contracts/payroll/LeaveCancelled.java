package com.misty.contracts.payroll;

import java.math.BigDecimal;

/** A leave request was cancelled; {@code hoursRefunded} is non-zero when an approved leave was refunded. */
public record LeaveCancelled(String leaveRequestId, String employeeId, String employeeUserId,
                             BigDecimal hoursRefunded, String cancelledBy) {
}
