package com.misty.payroll.rest;

import com.misty.payroll.domain.LeaveRequest;
import com.misty.payroll.domain.LeaveStatus;
import com.misty.payroll.domain.LeaveType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A leave request as clients see it. */
@Schema(name = "LeaveRequest")
public record LeaveRequestResponse(String id, String employeeId, String employeeUserId, LeaveType leaveType,
                                   LocalDate startDate, LocalDate endDate, BigDecimal hours, String reason,
                                   LeaveStatus status, String requestedBy, Instant requestedAt, String decidedBy,
                                   Instant decidedAt, String decisionReason, String cancelledBy,
                                   Instant cancelledAt) {

    static LeaveRequestResponse of(LeaveRequest r) {
        return new LeaveRequestResponse(r.id(), r.employeeId(), r.employeeUserId(), r.leaveType(), r.startDate(),
                r.endDate(), r.hours(), r.reason(), r.status(), r.requestedBy(), r.requestedAt(), r.decidedBy(),
                r.decidedAt(), r.decisionReason(), r.cancelledBy(), r.cancelledAt());
    }
}
