package com.misty.payroll.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.payroll.domain.PayrollCalculation;
import com.misty.platform.outbox.OutboxRelayService;
import com.misty.platform.storage.EntityFields;
import com.misty.platform.outbox.OutboxWrites;
import com.misty.platform.storage.StoredValues;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code payroll_calculations}: the unique index on {@code timesheet_id} makes "exactly one calculation per
 * approved timesheet" a property of the database, so inserting is idempotent whoever repeats it.
 */
@ApplicationScoped
public class PayrollCalculationRepository implements PanacheMongoRepositoryBase<PayrollCalculationEntity, String> {

    private final OutboxRelayService relay;
    /** Panache's collection as raw documents (see {@link PayrollCalculationEntity} why), looked up once. */
    private MongoCollection<Document> calculations;
    /** The writes that carry events: they go into the calculation's outbox in the same write. */
    private OutboxWrites writes;

    public PayrollCalculationRepository(OutboxRelayService relay) {
        this.relay = relay;
    }

    @PostConstruct
    void openCollection() {
        calculations = mongoCollection().withDocumentClass(Document.class);
        writes = relay.writes(calculations, Topics.PAYROLL_EVENTS);
    }

    /**
     * Stores the calculation with its events, unless the timesheet already has one.
     *
     * @return the stored calculation: this one, or the one that was there first
     */
    public PayrollCalculation insertOnce(PayrollCalculation calc, List<EventEnvelope> events) {
        Document doc = EntityFields.of(PayrollCalculationEntity.of(calc), calculations.getCodecRegistry());
        try {
            writes.insertOne(doc, events);
        } catch (MongoException e) {
            if (DuplicateKeys.is(e)) {
                return findByTimesheetId(calc.timesheetId()).orElseThrow(() -> e);
            }
            throw e;
        }
        return calc;
    }

    public Optional<PayrollCalculation> findCalculation(String id) {
        return Optional.ofNullable(calculations.find(StoredValues.byId(id)).first())
                .map(PayrollCalculationRepository::toCalculation);
    }

    public Optional<PayrollCalculation> findByTimesheetId(String timesheetId) {
        return Optional.ofNullable(calculations.find(Filters.eq("timesheet_id", timesheetId)).first())
                .map(PayrollCalculationRepository::toCalculation);
    }

    /** Calculations filtered by employee, timesheet and the period their week starts in (all optional). */
    public List<PayrollCalculation> list(String employeeId, String timesheetId, LocalDate from, LocalDate to, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (employeeId != null) {
            filters.add(Filters.eq("employee_id", employeeId));
        }
        if (timesheetId != null) {
            filters.add(Filters.eq("timesheet_id", timesheetId));
        }
        if (from != null) {
            filters.add(Filters.gte("period_start", Values.day(from)));
        }
        if (to != null) {
            filters.add(Filters.lte("period_start", Values.day(to)));
        }
        List<PayrollCalculation> result = new ArrayList<>();
        calculations.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("period_start")).limit(limit)
                .forEach(doc -> result.add(toCalculation(doc)));
        return result;
    }

    static PayrollCalculation toCalculation(Document doc) {
        return new PayrollCalculation(StoredValues.id(doc), StoredValues.text(doc, "timesheet_id"),
                StoredValues.text(doc, "employee_id"), StoredValues.text(doc, "employee_user_id"), StoredValues.text(doc, "week"), Values.day(doc, "period_start"),
                Values.day(doc, "period_end"), Values.decimal(doc, "total_hours"), Values.decimal(doc, "regular_hours"),
                Values.decimal(doc, "overtime_hours"), Values.decimal(doc, "hourly_rate"),
                Values.decimal(doc, "standard_weekly_hours"), Values.decimal(doc, "overtime_multiplier"),
                Values.decimal(doc, "regular_pay"), Values.decimal(doc, "overtime_pay"), Values.decimal(doc, "gross_pay"),
                StoredValues.text(doc, "calculated_by"), Values.instant(doc, "calculated_at"));
    }
}
