package com.misty.payroll.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.payroll.domain.PayrollProblems;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.payroll.domain.IsoWeek;
import com.misty.payroll.domain.Timesheet;
import com.misty.payroll.domain.TimesheetEntry;
import com.misty.payroll.domain.TimesheetStatus;
import com.misty.platform.outbox.OutboxRelayService;
import com.misty.platform.outbox.OutboxWrites;
import com.misty.platform.problem.DomainException;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code timesheets}: one per employee and ISO week; status changes are guarded single-document updates. */
@ApplicationScoped
public class TimesheetRepository implements PanacheMongoRepositoryBase<TimesheetEntity, String> {

    private final OutboxRelayService relay;
    /** Panache's collection as raw documents (see {@link TimesheetEntity} why), looked up once. */
    private MongoCollection<Document> timesheets;
    /** The writes that carry events: they go into the sheet's outbox in the same write. */
    private OutboxWrites writes;

    public TimesheetRepository(OutboxRelayService relay) {
        this.relay = relay;
    }

    @PostConstruct
    void openCollection() {
        timesheets = mongoCollection().withDocumentClass(Document.class);
        writes = relay.writes(timesheets, Topics.PAYROLL_EVENTS);
    }

    /**
     * Stores a timesheet imported from the original system, without events.
     *
     * @return false when its id, or a sheet of the same employee and week, is present
     */
    public boolean insertImported(Timesheet sheet) {
        try {
            persist(TimesheetEntity.of(sheet));
            return true;
        } catch (MongoException e) {
            if (DuplicateKeys.is(e)) {
                return false;
            }
            throw e;
        }
    }

    public boolean existsForImport(String id, String employeeId, String week) {
        return timesheets.countDocuments(Filters.or(Filters.eq("_id", id),
                Filters.and(Filters.eq("employee_id", employeeId), Filters.eq("week", week)))) > 0;
    }

    /** @throws DomainException 409 DUPLICATE_TIMESHEET when the employee already has a sheet for that week */
    public void insert(Timesheet sheet) {
        try {
            persist(TimesheetEntity.of(sheet));
        } catch (MongoException e) {
            if (DuplicateKeys.is(e)) {
                throw PayrollProblems.duplicateTimesheet(sheet.week());
            }
            throw e;
        }
    }

    public Optional<Timesheet> findTimesheet(String id) {
        return Optional.ofNullable(timesheets.find(StoredValues.byId(id)).first()).map(TimesheetRepository::toTimesheet);
    }

    public List<Timesheet> list(String employeeId, TimesheetStatus status, String week, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (employeeId != null) {
            filters.add(Filters.eq("employee_id", employeeId));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (week != null) {
            filters.add(Filters.eq("week", week));
        }
        List<Timesheet> result = new ArrayList<>();
        timesheets.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("week")).limit(limit).forEach(doc -> result.add(toTimesheet(doc)));
        return result;
    }

    /** Replaces the entries of a DRAFT sheet at {@code expectedVersion}; empty when either no longer holds. */
    public Optional<Timesheet> replaceEntries(String id, long expectedVersion, List<TimesheetEntry> entries) {
        return update(Filters.and(stillIn(id, TimesheetStatus.DRAFT), Filters.eq("version", expectedVersion)),
                Updates.combine(Updates.set("entries", TimesheetEntity.entries(entries)), Updates.inc("version", 1L)), List.of());
    }

    /** DRAFT → SUBMITTED with its event; empty when not a draft. */
    public Optional<Timesheet> markSubmitted(String id, String by, Instant at, EventEnvelope submitted) {
        return update(stillIn(id, TimesheetStatus.DRAFT),
                Updates.combine(Updates.set("status", TimesheetStatus.SUBMITTED.name()),
                        Updates.set("submitted_by", by), Updates.set("submitted_at", Values.date(at)), Updates.inc("version", 1L)),
                List.of(submitted));
    }

    /**
     * SUBMITTED → APPROVED; of several concurrent approvers exactly one gets the sheet back. The approval is
     * announced together with the pay (in the calculation's outbox), so a rolled-back approval never leaks.
     */
    public Optional<Timesheet> markApproved(String id, String by, Instant at) {
        return update(Filters.and(stillIn(id, TimesheetStatus.SUBMITTED), notSubmittedBy(by)),
                Updates.combine(Updates.set("status", TimesheetStatus.APPROVED.name()),
                        Updates.set("approved_by", by), Updates.set("approved_at", Values.date(at)),
                        Updates.unset("rejected_by"), Updates.unset("rejection_reason"), Updates.inc("version", 1L)), List.of());
    }

    /** SUBMITTED → DRAFT with the reason and its event; empty when not submitted. */
    public Optional<Timesheet> markRejected(String id, String by, String reason, EventEnvelope rejected) {
        return update(stillIn(id, TimesheetStatus.SUBMITTED),
                Updates.combine(Updates.set("status", TimesheetStatus.DRAFT.name()),
                        Updates.set("rejected_by", by), Updates.set("rejection_reason", reason),
                        Updates.inc("version", 1L)), List.of(rejected));
    }

    /**
     * The guard of every status transition: the sheet is still in {@code status}. Of several concurrent
     * transitions out of one status (two approvers, approve against send back) exactly one matches.
     */
    static Bson stillIn(String id, TimesheetStatus status) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("status", status.name()));
    }

    /** The original's rollback: APPROVED (without a calculation) → SUBMITTED, so it can be approved again. */
    public boolean revertApproval(String id) {
        return timesheets.updateOne(
                Filters.and(stillIn(id, TimesheetStatus.APPROVED), Filters.exists("calculation_id", false)),
                Updates.combine(Updates.set("status", TimesheetStatus.SUBMITTED.name()), Updates.unset("approved_by"),
                        Updates.unset("approved_at"), Updates.inc("version", 1L))).getModifiedCount() == 1;
    }

    /** Marks the sheet as paid out; the recovery pass only looks at approved sheets without this mark. */
    public void markCalculated(String id, String calculationId) {
        timesheets.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("calculation_id", false)),
                Updates.set("calculation_id", calculationId));
    }

    /** Approved sheets without a recorded calculation, approved before {@code cutoff}. */
    public List<Timesheet> approvedWithoutCalculation(Instant cutoff, int limit) {
        List<Timesheet> result = new ArrayList<>();
        timesheets.find(Filters.and(Filters.eq("status", TimesheetStatus.APPROVED.name()),
                        Filters.exists("calculation_id", false), Filters.lt("approved_at", Values.date(cutoff))))
                .limit(limit).forEach(doc -> result.add(toTimesheet(doc)));
        return result;
    }

    private Optional<Timesheet> update(Bson filter, Bson update, List<EventEnvelope> events) {
        return Optional.ofNullable(writes.findOneAndUpdate(filter, update, events,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(TimesheetRepository::toTimesheet);
    }

    /**
     * Four eyes, in the update itself: the approver is not whoever submitted this submission (a sheet sent back
     * and resubmitted by someone else changes its submitter between the check and the update).
     */
    static Bson notSubmittedBy(String approver) {
        return Filters.ne("submitted_by", approver);
    }

    /**
     * Reads tolerantly: a lower-case status is mapped, an unknown one reads as {@link TimesheetStatus#UNRECOGNISED};
     * an entry without hours counts zero; a sheet without {@code week} but with a {@code week_starting} day (the
     * original's shape) gets that day's ISO week.
     */
    static Timesheet toTimesheet(Document doc) {
        List<TimesheetEntry> entries = StoredValues.documents(doc, "entries").stream()
                .map(e -> new TimesheetEntry(Values.day(e, "date"), Values.decimalOrZero(e, "hours"),
                        StoredValues.text(e, "notes")))
                .toList();
        String week = StoredValues.text(doc, "week");
        LocalDate weekStarting = Values.day(doc, "week_starting");
        if (week == null && weekStarting != null) {
            week = IsoWeek.of(weekStarting).toString();
        }
        return new Timesheet(StoredValues.id(doc), StoredValues.text(doc, "employee_id"),
                StoredValues.text(doc, "employee_user_id"), week, entries,
                StoredValues.enumValue(TimesheetStatus.class, doc.get("status"), TimesheetStatus.UNRECOGNISED),
                StoredValues.number(doc, "version", 1), Values.instant(doc, "created_at"),
                Values.instant(doc, "submitted_at"), StoredValues.text(doc, "approved_by"), Values.instant(doc, "approved_at"),
                StoredValues.text(doc, "rejected_by"), StoredValues.text(doc, "rejection_reason"),
                StoredValues.text(doc, "created_by"), StoredValues.text(doc, "submitted_by"));
    }
}
