package com.misty.payroll.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.payroll.domain.LeaveRequest;
import com.misty.payroll.domain.LeaveStatus;
import com.misty.payroll.domain.LeaveType;
import com.misty.platform.outbox.OutboxRelayService;
import com.misty.platform.storage.EntityFields;
import com.misty.platform.outbox.OutboxWrites;
import com.misty.platform.storage.StoredValues;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code leave_requests}. Every status change is one findOneAndUpdate whose filter names the status it
 * leaves, so of several concurrent deciders exactly one matches; its event goes into the same update.
 */
@ApplicationScoped
public class LeaveRequestRepository implements PanacheMongoRepositoryBase<LeaveRequestEntity, String> {

    static final String REFUND_DUE = "refund_due";

    private final OutboxRelayService relay;
    /** Panache's collection as raw documents (see {@link LeaveRequestEntity} why), looked up once. */
    private MongoCollection<Document> requests;
    /** The writes that carry events: they go into the request's outbox in the same write. */
    private OutboxWrites writes;

    public LeaveRequestRepository(OutboxRelayService relay) {
        this.relay = relay;
    }

    @PostConstruct
    void openCollection() {
        requests = mongoCollection().withDocumentClass(Document.class);
        writes = relay.writes(requests, Topics.PAYROLL_EVENTS);
    }

    /** Stores a request imported from the original system, without events; false when its id is present. */
    public boolean insertImported(LeaveRequest request) {
        try {
            persist(LeaveRequestEntity.imported(request));
            return true;
        } catch (MongoException e) {
            if (DuplicateKeys.is(e)) {
                return false;
            }
            throw e;
        }
    }

    public boolean exists(String id) {
        return requests.countDocuments(Filters.eq("_id", id)) > 0;
    }

    public void insert(LeaveRequest request, EventEnvelope requested) {
        writes.insertOne(EntityFields.of(LeaveRequestEntity.requested(request), requests.getCodecRegistry()),
                List.of(requested));
    }

    public Optional<LeaveRequest> findRequest(String id) {
        return Optional.ofNullable(requests.find(StoredValues.byId(id)).first()).map(LeaveRequestRepository::toRequest);
    }

    /** Pending or approved requests of the employee that share at least one day with [start, end]. */
    public List<LeaveRequest> findActiveOverlapping(String employeeId, LocalDate start, LocalDate end) {
        List<LeaveRequest> result = new ArrayList<>();
        // ISO dates compare correctly as strings.
        requests.find(Filters.and(Filters.eq("employee_id", employeeId),
                        Filters.in("status", LeaveStatus.PENDING.name(), LeaveStatus.APPROVED.name()),
                        Filters.lte("start_date", Values.day(end)), Filters.gte("end_date", Values.day(start))))
                .forEach(doc -> result.add(toRequest(doc)));
        return result;
    }

    public List<LeaveRequest> list(String employeeId, LeaveStatus status, LeaveType type, LocalDate from, LocalDate to,
                                   int limit) {
        List<Bson> filters = new ArrayList<>();
        if (employeeId != null) {
            filters.add(Filters.eq("employee_id", employeeId));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (type != null) {
            filters.add(Filters.eq("leave_type", type.name()));
        }
        if (from != null) {
            filters.add(Filters.gte("end_date", Values.day(from)));
        }
        if (to != null) {
            filters.add(Filters.lte("start_date", Values.day(to)));
        }
        List<LeaveRequest> result = new ArrayList<>();
        requests.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("start_date")).limit(limit)
                .forEach(doc -> result.add(toRequest(doc)));
        return result;
    }

    /** PENDING → APPROVED, if still pending; empty otherwise. */
    public Optional<LeaveRequest> markApproved(String id, String by, Instant at, EventEnvelope event) {
        return transition(id, LeaveStatus.PENDING, LeaveStatus.APPROVED, decided(by, at, null), event);
    }

    /** PENDING → REJECTED, if still pending; empty otherwise. */
    public Optional<LeaveRequest> markRejected(String id, String by, Instant at, String reason, EventEnvelope event) {
        return transition(id, LeaveStatus.PENDING, LeaveStatus.REJECTED, decided(by, at, reason), event);
    }

    /**
     * {@code from} → CANCELLED, if still in {@code from}; empty otherwise. With {@code refundDue} the request
     * records, in the same update, that its hours are still to be given back, until {@link #clearRefundDue}.
     */
    public Optional<LeaveRequest> markCancelled(String id, LeaveStatus from, String by, Instant at, boolean refundDue,
                                                EventEnvelope event) {
        Bson details = Updates.combine(Updates.set("cancelled_by", by), Updates.set("cancelled_at", Values.date(at)));
        if (refundDue) {
            details = Updates.combine(details, Updates.set(REFUND_DUE, true));
        }
        return transition(id, from, LeaveStatus.CANCELLED, details, event);
    }

    public void clearRefundDue(String id) {
        requests.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq(REFUND_DUE, true)), Updates.unset(REFUND_DUE));
    }

    /** Cancelled approvals whose refund was not seen done, cancelled before {@code cutoff}. */
    public List<LeaveRequest> refundsDue(Instant cutoff, int limit) {
        List<LeaveRequest> result = new ArrayList<>();
        requests.find(Filters.and(Filters.eq(REFUND_DUE, true), Filters.lt("cancelled_at", Values.date(cutoff))))
                .limit(limit).forEach(doc -> result.add(toRequest(doc)));
        return result;
    }

    /**
     * The guard of every decision: the request is still in {@code status}. Of two managers deciding at once (or a
     * decision racing a cancellation) exactly one matches, so a request is decided once.
     */
    static Bson stillIn(String id, LeaveStatus status) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("status", status.name()));
    }

    /**
     * Moves the request from {@code from} to {@code to} if it is still in {@code from}, recording who and when
     * and appending the event, all in one update.
     */
    private Optional<LeaveRequest> transition(String id, LeaveStatus from, LeaveStatus to, Bson details,
                                              EventEnvelope event) {
        Document after = writes.findOneAndUpdate(stillIn(id, from), Updates.combine(Updates.set("status", to.name()), details),
                List.of(event), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after).map(LeaveRequestRepository::toRequest);
    }

    private static Bson decided(String by, Instant at, String reason) {
        return Updates.combine(Updates.set("decided_by", by), Updates.set("decided_at", Values.date(at)),
                Updates.set("decision_reason", reason));
    }

    /**
     * Reads tolerantly: the original's {@code hours_requested} stands for {@code hours}; a lower-case status is
     * mapped; an unknown status or leave type reads as {@link LeaveStatus#UNRECOGNISED} (type null), so no
     * decision, cancellation or balance change acts on a request nobody can vouch for.
     */
    static LeaveRequest toRequest(Document doc) {
        LeaveType type = StoredValues.enumValue(LeaveType.class, doc.get("leave_type"), null);
        LeaveStatus status = type == null ? LeaveStatus.UNRECOGNISED
                : StoredValues.enumValue(LeaveStatus.class, doc.get("status"), LeaveStatus.UNRECOGNISED);
        BigDecimal hours = Values.decimal(doc, "hours");
        return new LeaveRequest(StoredValues.id(doc), StoredValues.text(doc, "employee_id"),
                StoredValues.text(doc, "employee_user_id"), type, Values.day(doc, "start_date"),
                Values.day(doc, "end_date"), hours != null ? hours : Values.decimal(doc, "hours_requested"),
                StoredValues.text(doc, "reason"), status, StoredValues.text(doc, "requested_by"),
                Values.instant(doc, "requested_at"), StoredValues.text(doc, "decided_by"), Values.instant(doc, "decided_at"),
                StoredValues.text(doc, "decision_reason"), StoredValues.text(doc, "cancelled_by"),
                Values.instant(doc, "cancelled_at"));
    }
}
