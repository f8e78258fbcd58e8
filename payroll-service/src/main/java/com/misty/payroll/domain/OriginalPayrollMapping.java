package com.misty.payroll.domain;

import static com.misty.contracts.imports.OriginalValues.day;
import static com.misty.contracts.imports.OriginalValues.decimal;
import static com.misty.contracts.imports.OriginalValues.instant;
import static com.misty.contracts.imports.OriginalValues.text;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How the original system's {@code employee_profiles}, {@code leave_requests} and {@code timesheets} records become
 * this service's (the rules the root README's import section documents): ids kept; lower-case statuses mapped to
 * the suite's; {@code hours_requested} → {@code hours}; one balance field per leave type (names adjustable,
 * {@link #DEFAULT_BALANCE_FIELDS}) → {@code leave_balances}; a missing version is 1, a missing active flag true.
 * Either the mapped record or the reason it cannot be imported.
 */
public final class OriginalPayrollMapping {

    public static final Map<LeaveType, String> DEFAULT_BALANCE_FIELDS = Map.of(LeaveType.ANNUAL, "annual_leave_balance",
            LeaveType.SICK, "sick_leave_balance", LeaveType.PERSONAL, "personal_leave_balance");

    /** The profile fields this mapping reads besides the balance fields; anything else is reported as unmapped. */
    public static final Set<String> KNOWN_PROFILE_FIELDS = Set.of("_id", "id", "user_id", "name", "manager_user_id",
            "hourly_rate", "standard_weekly_hours", "active", "created_at", "updated_at");

    /** The leave request fields this mapping reads. */
    public static final Set<String> KNOWN_LEAVE_FIELDS = Set.of("_id", "id", "employee_id", "employee_user_id", "leave_type",
            "status", "start_date", "end_date", "hours", "hours_requested", "reason", "requested_by", "requested_at",
            "created_at", "approved_by", "decided_by", "approved_at", "decided_at", "rejection_reason", "updated_at");

    /** The timesheet fields this mapping reads. */
    public static final Set<String> KNOWN_TIMESHEET_FIELDS = Set.of("_id", "id", "employee_id", "employee_user_id", "status",
            "week", "week_starting", "entries", "created_at", "created_by", "submitted_at", "approved_by", "approved_at",
            "rejected_by", "rejection_reason", "updated_at");

    private final Map<LeaveType, String> balanceFields;
    private final Function<String, String> userOfEmployee;

    /**
     * @param balanceFieldOverrides leave type name (any case) → the original's field for its balance
     * @param userOfEmployee        the user id of an employee profile id (null if unknown): fills
     *                              {@code employee_user_id} on leave and timesheets the original stored without it,
     *                              so employees see their own records and managers cannot decide on their own
     */
    public OriginalPayrollMapping(Map<String, String> balanceFieldOverrides, Function<String, String> userOfEmployee) {
        this.userOfEmployee = userOfEmployee;
        this.balanceFields = balanceFields(balanceFieldOverrides);
    }

    /** The original's balance field per leave type: the defaults with the operator's overrides. */
    public static Map<LeaveType, String> balanceFields(Map<String, String> balanceFieldOverrides) {
        Map<LeaveType, String> fields = new EnumMap<>(DEFAULT_BALANCE_FIELDS);
        if (balanceFieldOverrides != null) {
            balanceFieldOverrides.forEach((type, field) -> fields.put(LeaveType.valueOf(type.toUpperCase(Locale.ROOT)), field));
        }
        return Map.copyOf(fields);
    }

    /** A mapped record of type {@code T}, or the reason the record cannot become one. */
    public record Mapped<T>(String id, T value, String rejection) {
        static <T> Mapped<T> accepted(String id, T value) {
            return new Mapped<>(id, value, null);
        }

        static <T> Mapped<T> refused(String id, String reason) {
            return new Mapped<>(id, null, reason);
        }
    }

    public Mapped<EmployeeProfile> profile(Map<String, Object> record, Instant now) {
        String id = text(record.get("id"));
        String userId = text(record.get("user_id"));
        if (id == null) {
            return Mapped.refused(text(record.get("_id")), "no id: leave requests and timesheets could not refer to it");
        }
        if (userId == null) {
            return Mapped.refused(id, "no user_id");
        }
        Map<LeaveType, BigDecimal> balances = new EnumMap<>(LeaveType.class);
        for (Map.Entry<LeaveType, String> field : balanceFields.entrySet()) {
            BigDecimal value = decimal(record.get(field.getValue()));
            if (record.get(field.getValue()) != null && value == null) {
                return Mapped.refused(id, field.getValue() + " is not a number");
            }
            balances.put(field.getKey(), value == null ? BigDecimal.ZERO : value);
        }
        Instant created = instant(record.get("created_at"));
        return Mapped.accepted(id, new EmployeeProfile(id, userId, text(record.get("name")), text(record.get("manager_user_id")),
                decimal(record.get("hourly_rate")), decimal(record.get("standard_weekly_hours")), balances,
                !Boolean.FALSE.equals(record.get("active")) && !"false".equals(text(record.get("active"))), 1,
                List.of(), List.of(), List.of(), created == null ? now : created, now));
    }

    public Mapped<LeaveRequest> leave(Map<String, Object> record, Instant now) {
        String id = text(record.get("id"));
        if (id == null) {
            return Mapped.refused(text(record.get("_id")), "no id");
        }
        String employeeId = text(record.get("employee_id"));
        LeaveType type = constant(LeaveType.class, record.get("leave_type"));
        LeaveStatus status = constant(LeaveStatus.class, record.get("status"));
        LocalDate start = day(record.get("start_date"));
        LocalDate end = day(record.get("end_date"));
        BigDecimal hours = decimal(record.get("hours") != null ? record.get("hours") : record.get("hours_requested"));
        if (employeeId == null || type == null || status == null || status == LeaveStatus.UNRECOGNISED || start == null
                || end == null || end.isBefore(start) || hours == null || hours.signum() < 0) {
            return Mapped.refused(id, "needs employee_id, a known leave_type and status, start_date <= end_date and "
                    + "hours (or hours_requested) >= 0; got leave_type '" + record.get("leave_type") + "', status '"
                    + record.get("status") + "'");
        }
        Instant requested = instant(record.get("requested_at") != null ? record.get("requested_at") : record.get("created_at"));
        return Mapped.accepted(id, new LeaveRequest(id, employeeId, userOf(record, employeeId), type, start, end,
                hours, text(record.get("reason")), status, text(record.get("requested_by")),
                requested == null ? now : requested, text(record.get("approved_by") != null ? record.get("approved_by")
                : record.get("decided_by")), instant(record.get("approved_at") != null ? record.get("approved_at")
                : record.get("decided_at")), text(record.get("rejection_reason")), null, null));
    }

    public Mapped<Timesheet> timesheet(Map<String, Object> record, Instant now) {
        String id = text(record.get("id"));
        if (id == null) {
            return Mapped.refused(text(record.get("_id")), "no id");
        }
        String employeeId = text(record.get("employee_id"));
        // The suite has no "rejected" sheet: a rejection sends it back to DRAFT with the reason, for the employee to fix.
        boolean rejected = "rejected".equalsIgnoreCase(String.valueOf(text(record.get("status"))).strip());
        TimesheetStatus status = rejected ? TimesheetStatus.DRAFT : constant(TimesheetStatus.class, record.get("status"));
        String week = text(record.get("week"));
        LocalDate weekStarting = day(record.get("week_starting"));
        if (week == null && weekStarting != null) {
            week = IsoWeek.of(weekStarting).toString();
        }
        if (employeeId == null || status == null || status == TimesheetStatus.UNRECOGNISED
                || IsoWeek.tryParse(week).isEmpty()) {
            return Mapped.refused(id, "needs employee_id, a known status and a week (or week_starting); got status '"
                    + record.get("status") + "', week '" + week + "'");
        }
        List<TimesheetEntry> entries = new ArrayList<>();
        if (record.get("entries") instanceof List<?> stored) {
            for (Object item : stored) {
                if (!(item instanceof Map<?, ?> entry) || day(entry.get("date")) == null || decimal(entry.get("hours")) == null) {
                    return Mapped.refused(id, "an entry needs a date and hours");
                }
                entries.add(new TimesheetEntry(day(entry.get("date")), decimal(entry.get("hours")), text(entry.get("notes"))));
            }
        }
        Instant created = instant(record.get("created_at"));
        return Mapped.accepted(id, new Timesheet(id, employeeId, userOf(record, employeeId), week, entries, status,
                1, created == null ? now : created, instant(record.get("submitted_at")), text(record.get("approved_by")),
                instant(record.get("approved_at")), rejected ? text(record.get("rejected_by")) : null,
                rejected ? rejectionReason(record) : null, text(record.get("created_by")), null));
    }

    private static String rejectionReason(Map<String, Object> record) {
        String reason = text(record.get("rejection_reason"));
        return reason == null || reason.isBlank() ? "Rejected in the original system" : reason;
    }

    private String userOf(Map<String, Object> record, String employeeId) {
        String stored = text(record.get("employee_user_id"));
        return stored != null ? stored : userOfEmployee.apply(employeeId);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        Map<String, E> byName = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            byName.put(constant.name(), constant);
        }
        return byName.get(text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    }
}
