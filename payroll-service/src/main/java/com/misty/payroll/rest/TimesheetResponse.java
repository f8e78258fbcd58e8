package com.misty.payroll.rest;

import com.misty.payroll.domain.IsoWeek;
import com.misty.payroll.domain.PayrollCalculation;
import com.misty.payroll.domain.Timesheet;
import com.misty.payroll.domain.TimesheetEntry;
import com.misty.payroll.domain.TimesheetStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A timesheet with its period and total; {@code calculation} is set on the answer to an approval. */
public record TimesheetResponse(String id, String employeeId, String employeeUserId, String week,
                                LocalDate periodStart, LocalDate periodEnd, List<EntryResponse> entries,
                                BigDecimal totalHours, TimesheetStatus status, long version, Instant createdAt,
                                Instant submittedAt, String approvedBy, Instant approvedAt, String rejectedBy,
                                String rejectionReason, CalculationResponse calculation) {

    /** Hours worked on one day of the timesheet's week. */
    @Schema(name = "TimesheetEntry")
    public record EntryResponse(LocalDate date, BigDecimal hours, String notes) {

        static EntryResponse of(TimesheetEntry e) {
            return new EntryResponse(e.date(), e.hours(), e.notes());
        }
    }

    static TimesheetResponse of(Timesheet t) {
        return of(t, null);
    }

    static TimesheetResponse of(Timesheet t, PayrollCalculation calculation) {
        // A stored week this code did not write is shown as it is, without a period.
        IsoWeek week = IsoWeek.tryParse(t.week()).orElse(null);
        return new TimesheetResponse(t.id(), t.employeeId(), t.employeeUserId(), t.week(),
                week == null ? null : week.monday(), week == null ? null : week.sunday(),
                t.entries().stream().map(EntryResponse::of).toList(), t.totalHours(),
                t.status(), t.version(), t.createdAt(), t.submittedAt(), t.approvedBy(), t.approvedAt(),
                t.rejectedBy(), t.rejectionReason(), CalculationResponse.of(calculation));
    }
}
