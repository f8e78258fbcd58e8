package com.misty.payroll.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One employee's hours for one ISO week. */
public record Timesheet(String id, String employeeId, String employeeUserId, String week, List<TimesheetEntry> entries,
                        TimesheetStatus status, long version, Instant createdAt, Instant submittedAt,
                        String approvedBy, Instant approvedAt, String rejectedBy, String rejectionReason,
                        String createdBy, String submittedBy) {

    public BigDecimal totalHours() {
        return entries.stream().map(TimesheetEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
