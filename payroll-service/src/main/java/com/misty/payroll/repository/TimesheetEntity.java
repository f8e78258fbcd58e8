package com.misty.payroll.repository;

import com.misty.payroll.domain.Timesheet;
import com.misty.payroll.domain.TimesheetEntry;
import com.misty.payroll.domain.TimesheetStatus;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A sheet of {@code timesheets} as this service inserts it (new, or imported as it stood), by the driver's record
 * codec: hours as Decimal128, days as {@code YYYY-MM-DD} text. Sheets are read by hand
 * ({@link TimesheetRepository#toTimesheet}): the original system's (ObjectId ids, statuses in other letter cases,
 * hours of any number type, {@code week_starting} instead of {@code week}) share the collection, which a codec
 * would refuse; the status changes are guarded updates that add their events to the outbox array.
 */
@MongoEntity(collection = PayrollDatabase.TIMESHEETS)
public record TimesheetEntity(@BsonId String id,
                              @BsonProperty("employee_id") String employeeId,
                              @BsonProperty("employee_user_id") String employeeUserId,
                              String week, List<Entry> entries, TimesheetStatus status, long version,
                              @BsonProperty("created_at") Instant createdAt,
                              @BsonProperty("created_by") String createdBy,
                              @BsonProperty("submitted_at") Instant submittedAt,
                              @BsonProperty("approved_by") String approvedBy,
                              @BsonProperty("approved_at") Instant approvedAt,
                              @BsonProperty("rejected_by") String rejectedBy,
                              @BsonProperty("rejection_reason") String rejectionReason) {

    /** Hours worked on one day ({@code entries}). */
    public record Entry(String date, BigDecimal hours, String notes) {
    }

    static TimesheetEntity of(Timesheet sheet) {
        return new TimesheetEntity(sheet.id(), sheet.employeeId(), sheet.employeeUserId(), sheet.week(),
                entries(sheet.entries()), sheet.status(), sheet.version(), sheet.createdAt(), sheet.createdBy(),
                sheet.submittedAt(), sheet.approvedBy(), sheet.approvedAt(), sheet.rejectedBy(),
                sheet.rejectionReason());
    }

    static List<Entry> entries(List<TimesheetEntry> entries) {
        return entries.stream().map(e -> new Entry(Values.day(e.date()), e.hours(), e.notes())).toList();
    }
}
