package com.misty.payroll.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An employee's payroll profile, linked to the auth user. {@code hourlyRate} is null for a stub created from
 * a UserCreated event until an admin sets it.
 *
 * @param leaveDeductions deductions of leave requests that are (or are about to be) approved, keyed by request id
 * @param refundedLeaveRequests requests whose deduction was refunded; they can never be deducted again
 * @param unsettledLeaveRequests requests deducted but not yet seen approved (in flight, or left by a crash)
 */
public record EmployeeProfile(String id, String userId, String name, String managerUserId, BigDecimal hourlyRate,
                              BigDecimal standardWeeklyHours, Map<LeaveType, BigDecimal> leaveBalances,
                              boolean active, long version, List<LeaveDeduction> leaveDeductions,
                              List<String> refundedLeaveRequests, List<String> unsettledLeaveRequests,
                              Instant createdAt, Instant updatedAt) {

    public BigDecimal balance(LeaveType type) {
        return leaveBalances.getOrDefault(type, BigDecimal.ZERO);
    }

    public boolean hasDeductionFor(String requestId) {
        return leaveDeductions.stream().anyMatch(d -> d.requestId().equals(requestId));
    }

    public boolean wasRefunded(String requestId) {
        return refundedLeaveRequests.contains(requestId);
    }
}
