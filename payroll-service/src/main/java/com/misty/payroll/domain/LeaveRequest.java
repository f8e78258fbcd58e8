package com.misty.payroll.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A request for leave; the status only moves along {@link LeaveStatus}'s transitions, each one guarded. */
public record LeaveRequest(String id, String employeeId, String employeeUserId, LeaveType leaveType,
                           LocalDate startDate, LocalDate endDate, BigDecimal hours, String reason,
                           LeaveStatus status, String requestedBy, Instant requestedAt, String decidedBy,
                           Instant decidedAt, String decisionReason, String cancelledBy, Instant cancelledAt) {

    /** A stored request without both dates (not written by this code) overlaps nothing. */
    public boolean overlaps(LocalDate start, LocalDate end) {
        if (startDate == null || endDate == null) {
            return false;
        }
        return !startDate.isAfter(end) && !endDate.isBefore(start);
    }
}
