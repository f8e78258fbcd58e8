package com.misty.systemtest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Response;
import com.misty.systemtest.Session;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;

/** Employees with a payroll profile (the stub auth-service's UserCreated makes, completed by an admin). */
final class PayrollPeople {

    static final BigDecimal HOURLY_RATE = new BigDecimal("30.00");
    /** Mondays of 2027 onwards: the plan's timesheets and leave lie there, clear of anyone else's. */
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2027, 1, 4);

    private PayrollPeople() {
    }

    record Employee(Session user, String profileId) {
    }

    /** A new employee user whose profile has the plan's hourly rate and {@code annualHours} of annual leave. */
    static Employee newEmployee(PlanCrew crew, BigDecimal annualHours) {
        Session user = PlanCrew.newUser(crew.suite, crew.admin, "employee");
        // The profile is created by payroll-service when it consumes UserCreated from auth.events.
        JsonNode stub = Eventually.until("payroll profile of " + user.username(),
                () -> user.get("/api/payroll/employees/me"), r -> r.status() == 200).json();
        String profileId = stub.get("id").asText();
        crew.admin.put("/api/payroll/employees/" + profileId, Map.of(
                "name", "Plan " + user.username(),
                "hourly_rate", HOURLY_RATE,
                "standard_weekly_hours", new BigDecimal("40"),
                "leave_balances", Map.of("annual", annualHours, "sick", BigDecimal.ZERO, "personal", BigDecimal.ZERO),
                "active", true,
                "version", stub.get("version").asLong())).expect(200);
        return new Employee(user, profileId);
    }

    static JsonNode profile(PlanCrew crew, Employee employee) {
        return crew.admin.get("/api/payroll/employees/" + employee.profileId()).expect(200).json();
    }

    static BigDecimal annualBalance(PlanCrew crew, Employee employee) {
        return profile(crew, employee).path("leave_balances").path("annual").decimalValue();
    }

    /** The employee asks for {@code hours} of annual leave on day {@code day} (counted from 2027-01-04). */
    static String requestLeave(Employee employee, int day, BigDecimal hours) {
        String date = FIRST_MONDAY.plusDays(day).toString();
        return employee.user().post("/api/payroll/leave-requests", Map.of("leave_type", "ANNUAL", "start_date", date,
                "end_date", date, "hours", hours, "reason", "system test")).expect(201).field("id").asText();
    }

    /** The employee files and submits a timesheet of five 9-hour days for week {@code week} (counted from 2027-W01). */
    static String submitTimesheet(Employee employee, int week) {
        LocalDate monday = FIRST_MONDAY.plusWeeks(week);
        String isoWeek = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        List<Map<String, Object>> entries = java.util.stream.IntStream.range(0, 5)
                .mapToObj(d -> Map.<String, Object>of("date", monday.plusDays(d).toString(), "hours", new BigDecimal("9")))
                .toList();
        String id = employee.user().post("/api/payroll/timesheets", Map.of("week", isoWeek, "entries", entries))
                .expect(201).field("id").asText();
        employee.user().post("/api/payroll/timesheets/" + id + "/submit", null).expect(200);
        return id;
    }

    /** 45 h at 30.00: 40 regular (1200.00) + 5 overtime at 1.5 (225.00). */
    static final BigDecimal GROSS_OF_A_SUBMITTED_WEEK = new BigDecimal("1425.00");

    static Response calculationsOf(PlanCrew crew, String timesheetId) {
        return crew.admin.get("/api/payroll/calculations?timesheet_id=" + timesheetId).expect(200);
    }
}
