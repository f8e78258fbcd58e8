package com.misty.payroll.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.payroll.domain.PayrollProblems;
import com.misty.payroll.domain.EmployeeDetails;
import com.misty.payroll.domain.EmployeeProfile;
import com.misty.payroll.domain.LeaveDeduction;
import com.misty.payroll.domain.LeaveType;
import com.misty.platform.problem.DomainException;
import com.misty.platform.storage.StoredValues;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code employee_profiles}. Leave balances change only together with the {@code leave_deductions} entry that
 * explains them, in one single-document update keyed by the leave request id: deducting twice or refunding
 * twice is impossible whatever the interleaving, and every balance change bumps {@code version} so an admin
 * editing a stale copy gets a conflict instead of overwriting it.
 */
@ApplicationScoped
public class EmployeeProfileRepository implements PanacheMongoRepositoryBase<EmployeeProfileEntity, String> {

    private static final String BALANCES = "leave_balances";
    private static final String DEDUCTIONS = "leave_deductions";
    private static final String REFUNDED = "refunded_leave_requests";
    private static final String LEAVE_DAYS = "leave_days";
    private static final String UNSETTLED = "unsettled_leave_deductions";

    /** Panache's collection as raw documents (see {@link EmployeeProfileEntity} why), looked up once. */
    private MongoCollection<Document> profiles;

    @PostConstruct
    void openCollection() {
        profiles = mongoCollection().withDocumentClass(Document.class);
    }

    /** @throws DomainException 409 DUPLICATE_EMPLOYEE when the user already has a profile */
    public EmployeeProfile insert(String userId, EmployeeDetails details, Instant now) {
        String id = UUID.randomUUID().toString();
        Document doc = new Document("_id", id).append("user_id", userId)
                .append("version", 1L).append(DEDUCTIONS, List.of()).append(REFUNDED, List.of())
                .append("created_at", Values.date(now));
        detailsInto(doc, details, now);
        try {
            profiles.insertOne(doc);
        } catch (MongoException e) {
            if (DuplicateKeys.is(e)) {
                throw PayrollProblems.duplicateEmployee(userId);
            }
            throw e;
        }
        return toProfile(doc);
    }

    /**
     * Stores a profile imported from the original system under its own id, unless present.
     *
     * @return empty when stored; else the id of the profile already there (this one, or another for the same user)
     */
    public Optional<String> insertImported(EmployeeProfile profile) {
        Document doc = new Document("_id", profile.id()).append("user_id", profile.userId())
                .append("version", profile.version()).append(DEDUCTIONS, List.of()).append(REFUNDED, List.of())
                .append("created_at", Values.date(profile.createdAt()));
        detailsInto(doc, new EmployeeDetails(profile.name(), profile.managerUserId(), profile.hourlyRate(),
                profile.standardWeeklyHours(), profile.leaveBalances(), profile.active()), profile.updatedAt());
        try {
            profiles.insertOne(doc);
            return Optional.empty();
        } catch (MongoException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
            Document present = profiles.find(Filters.or(Filters.eq("_id", profile.id()), Filters.eq("user_id", profile.userId())))
                    .first();
            return Optional.of(present == null ? profile.id() : StoredValues.id(present));
        }
    }

    public boolean existsForImport(String id, String userId) {
        return profiles.countDocuments(Filters.or(Filters.eq("_id", id), Filters.eq("user_id", userId))) > 0;
    }

    /**
     * Creates a stub for a new auth user unless one exists; safe to repeat and to race (unique user_id).
     *
     * @return true when this call created it
     */
    public boolean insertStubIfAbsent(String userId, String name, BigDecimal standardWeeklyHours, Instant now) {
        Document stub = new Document("_id", UUID.randomUUID().toString())
                .append("name", name).append("manager_user_id", null).append("hourly_rate", null)
                .append("standard_weekly_hours", Values.decimal(standardWeeklyHours))
                .append(BALANCES, balancesDocument(Map.of())).append("active", true).append("version", 1L)
                .append(DEDUCTIONS, List.of()).append(REFUNDED, List.of())
                .append("created_at", Values.date(now)).append("updated_at", Values.date(now));
        try {
            return profiles.updateOne(Filters.eq("user_id", userId), Updates.setOnInsert(stub),
                    new UpdateOptions().upsert(true)).getUpsertedId() != null;
        } catch (MongoException e) {
            if (DuplicateKeys.is(e)) {
                return false;
            }
            throw e;
        }
    }

    /** @return true when the profile was active and is now inactive */
    public boolean deactivate(String userId, Instant now) {
        return profiles.updateOne(Filters.and(Filters.eq("user_id", userId), Filters.eq("active", true)),
                Updates.combine(Updates.set("active", false), Updates.inc("version", 1L),
                        Updates.set("updated_at", Values.date(now)))).getModifiedCount() == 1;
    }

    public Optional<EmployeeProfile> findProfile(String id) {
        return Optional.ofNullable(profiles.find(StoredValues.byId(id)).first()).map(EmployeeProfileRepository::toProfile);
    }

    public Optional<EmployeeProfile> findByUserId(String userId) {
        return Optional.ofNullable(profiles.find(Filters.eq("user_id", userId)).first())
                .map(EmployeeProfileRepository::toProfile);
    }

    public List<EmployeeProfile> list(Boolean active, int limit) {
        // A profile stored without the flag is active (as it reads).
        Bson filter = active == null ? new Document() : active ? Filters.ne("active", false) : Filters.eq("active", false);
        List<EmployeeProfile> result = new ArrayList<>();
        profiles.find(filter).sort(Sorts.ascending("name", "_id")).limit(limit)
                .forEach(doc -> result.add(toProfile(doc)));
        return result;
    }

    /** Replaces the editable fields if {@code expectedVersion} is still current; empty when it is not. */
    public Optional<EmployeeProfile> replaceDetails(String id, long expectedVersion, EmployeeDetails details, Instant now) {
        Document set = new Document();
        detailsInto(set, details, now);
        Document after = profiles.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion)),
                Updates.combine(new Document("$set", set), Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after).map(EmployeeProfileRepository::toProfile);
    }

    /**
     * Deducts the hours of one leave request, once: the balance check, the "not deducted before" check and
     * the deduction record are one atomic update.
     *
     * @return true when this call deducted; false when the balance is short or the request was deducted
     *         (or refunded) before — the caller reads the profile to tell which
     */
    public boolean deduct(String employeeId, LeaveDeduction deduction) {
        String balance = BALANCES + "." + key(deduction.leaveType());
        Document entry = new Document("request_id", deduction.requestId())
                .append("leave_type", deduction.leaveType().name())
                .append("hours", Values.decimal(deduction.hours()))
                .append("approved_by", deduction.approvedBy())
                .append("at", Values.date(deduction.at()));
        return profiles.updateOne(enoughBalanceAndNeverDeducted(employeeId, deduction),
                Updates.combine(Updates.inc(balance, Values.decimal(deduction.hours().negate())),
                        Updates.push(DEDUCTIONS, entry),
                        Updates.addToSet(UNSETTLED, deduction.requestId()),
                        Updates.inc("version", 1L),
                        Updates.set("updated_at", Values.date(deduction.at()))))
                .getModifiedCount() == 1;
    }

    /**
     * The guard of {@link #deduct}: the balance covers the hours (never below zero), and this request was neither
     * deducted already (two approvers, a retry) nor refunded (a cancellation that came first): once per request.
     */
    static Bson enoughBalanceAndNeverDeducted(String employeeId, LeaveDeduction deduction) {
        return Filters.and(Filters.eq("_id", employeeId),
                Filters.gte(BALANCES + "." + key(deduction.leaveType()), Values.decimal(deduction.hours())),
                Filters.ne(DEDUCTIONS + ".request_id", deduction.requestId()),
                Filters.ne(REFUNDED, deduction.requestId()));
    }

    /**
     * Gives back the hours of a leave request's deduction, once: removing the deduction, adding the hours and
     * remembering the request as refunded (so it can never be deducted again) are one atomic update.
     *
     * @return true when this call refunded; false when there was no deduction (never made or already refunded)
     */
    public boolean refund(String employeeId, String requestId, LeaveType type, BigDecimal hours, Instant now) {
        return profiles.updateOne(
                Filters.and(Filters.eq("_id", employeeId), Filters.eq(DEDUCTIONS + ".request_id", requestId)),
                Updates.combine(Updates.inc(BALANCES + "." + key(type), Values.decimal(hours)),
                        Updates.pull(DEDUCTIONS, new Document("request_id", requestId)),
                        Updates.pull(UNSETTLED, requestId),
                        Updates.addToSet(REFUNDED, requestId),
                        Updates.inc("version", 1L),
                        Updates.set("updated_at", Values.date(now))))
                .getModifiedCount() == 1;
    }

    /**
     * Books the days of a new leave request on the profile unless any of them is already booked: the overlap
     * check and the booking are one atomic update, so two concurrent requests for the same day cannot both pass.
     *
     * @return true when booked; false when a day is taken (or the profile does not exist)
     */
    public boolean bookLeaveDays(String employeeId, String requestId, List<LocalDate> days, Instant now) {
        List<Document> entries = days.stream().map(day -> new Document("day", Values.day(day))
                .append("request_id", requestId).append("at", Values.date(now))).toList();
        return profiles.updateOne(noneOfTheseDaysBooked(employeeId, days), Updates.pushEach(LEAVE_DAYS, entries))
                .getModifiedCount() == 1;
    }

    /** The guard of {@link #bookLeaveDays}: no day of the new request is booked by another request. */
    static Bson noneOfTheseDaysBooked(String employeeId, List<LocalDate> days) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("_id", employeeId));
        days.forEach(day -> filters.add(Filters.ne(LEAVE_DAYS + ".day", Values.day(day))));
        return Filters.and(filters);
    }

    /** Frees the days booked for a request (rejected, cancelled, or never stored); a no-op when none are booked. */
    public boolean releaseLeaveDays(String employeeId, String requestId) {
        return profiles.updateOne(
                Filters.and(Filters.eq("_id", employeeId), Filters.eq(LEAVE_DAYS + ".request_id", requestId)),
                Updates.pull(LEAVE_DAYS, new Document("request_id", requestId))).getModifiedCount() == 1;
    }

    /** The requests holding bookings on any of {@code days}, with when each booked. */
    public Map<String, Instant> bookingsOn(String employeeId, List<LocalDate> days) {
        Document doc = profiles.find(Filters.eq("_id", employeeId)).first();
        Map<String, Instant> bookings = new java.util.HashMap<>();
        if (doc == null) {
            return bookings;
        }
        java.util.Set<String> wanted = new java.util.HashSet<>();
        days.forEach(day -> wanted.add(Values.day(day)));
        for (Document entry : doc.getList(LEAVE_DAYS, Document.class, List.of())) {
            if (wanted.contains(entry.getString("day"))) {
                Instant at = Values.instant(entry, "at");
                bookings.merge(entry.getString("request_id"), at == null ? Instant.EPOCH : at,
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return bookings;
    }

    /**
     * Marks a deduction as belonging to a completed approval, so the recovery pass no longer needs to look
     * at it. Only in-flight (or abandoned) deductions stay unsettled, which keeps that pass small.
     */
    public void settleDeduction(String employeeId, String requestId) {
        profiles.updateOne(Filters.and(Filters.eq("_id", employeeId), Filters.eq(UNSETTLED, requestId)),
                Updates.pull(UNSETTLED, requestId));
    }

    /** Profiles with deductions whose approval was not (yet) seen to complete, for the recovery pass. */
    public List<EmployeeProfile> withUnsettledDeductions(int limit) {
        List<EmployeeProfile> result = new ArrayList<>();
        profiles.find(Filters.exists(UNSETTLED + ".0")).limit(limit).forEach(doc -> result.add(toProfile(doc)));
        return result;
    }

    private static void detailsInto(Document doc, EmployeeDetails details, Instant now) {
        doc.append("name", details.name())
                .append("manager_user_id", details.managerUserId())
                .append("hourly_rate", Values.decimal(details.hourlyRate()))
                .append("standard_weekly_hours", Values.decimal(details.standardWeeklyHours()))
                .append(BALANCES, balancesDocument(details.leaveBalances()))
                .append("active", details.active())
                .append("updated_at", Values.date(now));
    }

    private static Document balancesDocument(Map<LeaveType, BigDecimal> balances) {
        Document doc = new Document();
        for (LeaveType type : LeaveType.values()) {
            if (type.hasBalance()) {
                doc.append(key(type), Values.decimal(balances.getOrDefault(type, BigDecimal.ZERO)));
            }
        }
        return doc;
    }

    static String key(LeaveType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads tolerantly: without {@code leave_balances} the original's per-type fields ({@code annual_leave_balance},
     * ...) are read; a missing {@code active} means active, a missing version 1.
     */
    static EmployeeProfile toProfile(Document doc) {
        Map<LeaveType, BigDecimal> balances = new EnumMap<>(LeaveType.class);
        Document stored = doc.get(BALANCES) instanceof Document d ? d : null;
        for (LeaveType type : LeaveType.values()) {
            if (type.hasBalance()) {
                balances.put(type, stored == null ? Values.decimalOrZero(doc, key(type) + "_leave_balance")
                        : Values.decimalOrZero(stored, key(type)));
            }
        }
        List<LeaveDeduction> deductions = StoredValues.documents(doc, DEDUCTIONS).stream()
                .map(d -> new LeaveDeduction(StoredValues.text(d, "request_id"),
                        StoredValues.enumValue(LeaveType.class, d.get("leave_type"), null),
                        Values.decimal(d, "hours"), StoredValues.text(d, "approved_by"), Values.instant(d, "at")))
                .toList();
        return new EmployeeProfile(StoredValues.id(doc), StoredValues.text(doc, "user_id"), StoredValues.text(doc, "name"),
                StoredValues.text(doc, "manager_user_id"), Values.decimal(doc, "hourly_rate"),
                Values.decimal(doc, "standard_weekly_hours"), balances, StoredValues.flag(doc, "active", true),
                StoredValues.number(doc, "version", 1), deductions, StoredValues.texts(doc, REFUNDED),
                StoredValues.texts(doc, UNSETTLED),
                Values.instant(doc, "created_at"), Values.instant(doc, "updated_at"));
    }


}
