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

    private final Map<LeaveType, String> balanceFields;

    /** @param balanceFieldOverrides leave type name (any case) → the original's field for its balance */
    public OriginalPayrollMapping(Map<String, String> balanceFieldOverrides) {
        Map<LeaveType, String> fields = new EnumMap<>(DEFAULT_BALANCE_FIELDS);
        if (balanceFieldOverrides != null) {
            balanceFieldOverrides.forEach((type, field) -> fields.put(LeaveType.valueOf(type.toUpperCase(Locale.ROOT)), field));
        }
        this.balanceFields = Map.copyOf(fields);
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
        return Mapped.accepted(id, new LeaveRequest(id, employeeId, text(record.get("employee_user_id")), type, start, end,
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
        TimesheetStatus status = constant(TimesheetStatus.class, record.get("status"));
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
        return Mapped.accepted(id, new Timesheet(id, employeeId, text(record.get("employee_user_id")), week, entries, status,
                1, created == null ? now : created, instant(record.get("submitted_at")), text(record.get("approved_by")),
                instant(record.get("approved_at")), null, null, text(record.get("created_by")), null));
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
