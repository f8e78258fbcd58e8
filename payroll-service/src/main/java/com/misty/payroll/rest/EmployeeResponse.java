package com.misty.payroll.rest;

import com.misty.payroll.domain.EmployeeProfile;
import com.misty.payroll.domain.LeaveDeduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A profile as clients see it; {@code deducted_leave_requests} are the requests its balances are reduced by. */
public record EmployeeResponse(String id, String userId, String name, String managerUserId, BigDecimal hourlyRate,
                               BigDecimal standardWeeklyHours, LeaveBalancesBody leaveBalances, boolean active,
                               long version, List<String> deductedLeaveRequests, Instant createdAt,
                               Instant updatedAt) {

    static EmployeeResponse of(EmployeeProfile p) {
        return new EmployeeResponse(p.id(), p.userId(), p.name(), p.managerUserId(), p.hourlyRate(),
                p.standardWeeklyHours(), LeaveBalancesBody.of(p.leaveBalances()), p.active(), p.version(),
                p.leaveDeductions().stream().map(LeaveDeduction::requestId).toList(), p.createdAt(), p.updatedAt());
    }
}
