package com.misty.payroll.repository;

import com.misty.payroll.domain.LeaveRequest;
import com.misty.payroll.domain.LeaveStatus;
import com.misty.payroll.domain.LeaveType;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A request of {@code leave_requests} as this service inserts it (new, or imported with its decision), by the driver's
 * record codec: hours as Decimal128, days as {@code YYYY-MM-DD} text. Requests are read by hand
 * ({@link LeaveRequestRepository#toRequest}): the original system's (ObjectId ids, unknown types and statuses) share
 * the collection, which a codec would refuse; the decisions are guarded updates.
 */
@MongoEntity(collection = PayrollDatabase.LEAVE_REQUESTS)
public record LeaveRequestEntity(@BsonId String id,
                                 @BsonProperty("employee_id") String employeeId,
                                 @BsonProperty("employee_user_id") String employeeUserId,
                                 @BsonProperty("leave_type") LeaveType leaveType,
                                 @BsonProperty("start_date") String startDate,
                                 @BsonProperty("end_date") String endDate,
                                 BigDecimal hours, String reason, LeaveStatus status,
                                 @BsonProperty("requested_by") String requestedBy,
                                 @BsonProperty("requested_at") Instant requestedAt,
                                 @BsonProperty("decided_by") String decidedBy,
                                 @BsonProperty("decided_at") Instant decidedAt,
                                 @BsonProperty("decision_reason") String decisionReason) {

    /** A new request: nothing decided yet. */
    static LeaveRequestEntity requested(LeaveRequest r) {
        return new LeaveRequestEntity(r.id(), r.employeeId(), r.employeeUserId(), r.leaveType(),
                Values.day(r.startDate()), Values.day(r.endDate()), r.hours(), r.reason(), r.status(), r.requestedBy(),
                r.requestedAt(), null, null, null);
    }

    /** An imported request, with the decision the original system recorded. */
    static LeaveRequestEntity imported(LeaveRequest r) {
        LeaveRequestEntity requested = requested(r);
        return new LeaveRequestEntity(requested.id, requested.employeeId, requested.employeeUserId,
                requested.leaveType, requested.startDate, requested.endDate, requested.hours, requested.reason,
                requested.status, requested.requestedBy, requested.requestedAt, r.decidedBy(), r.decidedAt(),
                r.decisionReason());
    }
}
