package com.misty.payroll.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Hours taken from a balance for one leave request, kept on the employee profile and keyed by the request id
 * so that the deduction happens at most once and a half-done approval can be recognised and completed.
 */
public record LeaveDeduction(String requestId, LeaveType leaveType, BigDecimal hours, String approvedBy,
                             Instant at) {
}
