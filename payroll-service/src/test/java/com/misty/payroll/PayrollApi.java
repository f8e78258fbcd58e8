package com.misty.payroll;

import com.misty.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test helpers that drive the service through its HTTP API, as a client would. */
public final class PayrollApi {

    public static final String ADMIN = "admin-" + UUID.randomUUID();

    private PayrollApi() {
    }

    public static String uniqueUser(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static String admin() {
        return TestTokens.accessToken(ADMIN, "admin");
    }

    public static String manager(String userId) {
        return TestTokens.accessToken(userId, "manager");
    }

    public static String employee(String userId) {
        return TestTokens.accessToken(userId, "employee");
    }

    /** Creates a profile for {@code userId} and returns its id. */
    public static String createEmployee(String userId, String hourlyRate, String standardWeeklyHours, String annual) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("user_id", userId, "name", "Employee " + userId.substring(0, 8),
                        "hourly_rate", new java.math.BigDecimal(hourlyRate),
                        "standard_weekly_hours", new java.math.BigDecimal(standardWeeklyHours),
                        "leave_balances", Map.of("annual", new java.math.BigDecimal(annual), "sick", 40,
                                "personal", 16)))
                .post("/api/payroll/employees")
                .then().statusCode(201).extract().path("id");
    }

    public static Response createLeave(String token, String type, String start, String end, String hours) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("leave_type", type, "start_date", start, "end_date", end,
                        "hours", new java.math.BigDecimal(hours), "reason", "test"))
                .post("/api/payroll/leave-requests");
    }

    public static String createLeaveId(String token, String type, String start, String end, String hours) {
        return createLeave(token, type, start, end, hours).then().statusCode(201).extract().path("id");
    }

    public static Response post(String token, String path) {
        return given().auth().oauth2(token).post(path);
    }

    public static Response get(String token, String path) {
        return given().auth().oauth2(token).get(path);
    }

    public static Map<String, Object> profile(String employeeId) {
        return get(admin(), "/api/payroll/employees/" + employeeId).then().statusCode(200).extract().path("");
    }

    public static java.math.BigDecimal annualBalance(String employeeId) {
        return new java.math.BigDecimal(get(admin(), "/api/payroll/employees/" + employeeId).then().statusCode(200)
                .extract().jsonPath().getString("leave_balances.annual"));
    }

    /** Entries for Monday.. of {@code week}, one per given hours value. */
    public static List<Map<String, Object>> entries(String week, String... hours) {
        java.time.LocalDate monday = com.misty.payroll.domain.IsoWeek.parse(week).monday();
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            entries.add(Map.of("date", monday.plusDays(i).toString(), "hours", new java.math.BigDecimal(hours[i])));
        }
        return entries;
    }

    public static String createTimesheet(String token, String week, String... hours) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("week", week, "entries", entries(week, hours)))
                .post("/api/payroll/timesheets")
                .then().statusCode(201).extract().path("id");
    }

    public static String submittedTimesheet(String token, String week, String... hours) {
        String id = createTimesheet(token, week, hours);
        post(token, "/api/payroll/timesheets/" + id + "/submit").then().statusCode(200);
        return id;
    }
}
