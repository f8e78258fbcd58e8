package com.misty.payroll.rest;

import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.misty.payroll.PayrollApi.admin;
import static com.misty.payroll.PayrollApi.createEmployee;
import static com.misty.payroll.PayrollApi.createLeave;
import static com.misty.payroll.PayrollApi.createLeaveId;
import static com.misty.payroll.PayrollApi.createTimesheet;
import static com.misty.payroll.PayrollApi.employee;
import static com.misty.payroll.PayrollApi.get;
import static com.misty.payroll.PayrollApi.manager;
import static com.misty.payroll.PayrollApi.post;
import static com.misty.payroll.PayrollApi.submittedTimesheet;
import static com.misty.payroll.PayrollApi.uniqueUser;
import static com.misty.testkit.ServiceConformance.assertMalformedJsonIsProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Bad input is a 4xx problem+json and changes nothing. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class BadInputResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void leaveRequestsWithBadDatesHoursOrTypesAreRefused() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "20.00", "40", "40");

        createLeave(employee(user), "ANNUAL", "2027-06-10", "2027-06-09", "8")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_DATES"));
        createLeave(employee(user), "ANNUAL", "2027-06-10", "2027-06-10", "25")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_HOURS"));
        createLeave(employee(user), "ANNUAL", "2027-06-10", "2027-06-10", "-8")
                .then().statusCode(400).contentType(PROBLEM);
        createLeave(employee(user), "HOLIDAY", "2027-06-10", "2027-06-10", "8")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_FIELD"));
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("leave_type", "ANNUAL", "start_date", "next monday", "end_date", "2027-06-10", "hours", 8))
                .post("/api/payroll/leave-requests").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_FIELD"));
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("leave_type", "ANNUAL", "start_date", "2027-06-10", "end_date", "2027-06-10",
                        "hours", "eight"))
                .post("/api/payroll/leave-requests").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("leave_type", "ANNUAL", "start_date", "2027-06-10", "end_date", "2027-06-10",
                        "hours", 8, "sneaky", true))
                .post("/api/payroll/leave-requests").then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
        assertMalformedJsonIsProblem("POST", "/api/payroll/leave-requests", employee(user));

        get(employee(user), "/api/payroll/leave-requests").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void overlappingLeaveIsAConflict() {
        String user = uniqueUser("emp");
        createEmployee(user, "20.00", "40", "40");
        String first = createLeaveId(employee(user), "ANNUAL", "2027-07-05", "2027-07-09", "40");

        createLeave(employee(user), "SICK", "2027-07-09", "2027-07-12", "16")
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("OVERLAPPING_LEAVE"))
                .body("overlapping_request_id", equalTo(first));
        // A rejected request no longer blocks its days.
        given().auth().oauth2(manager("mgr-1")).contentType(ContentType.JSON).body(Map.of("reason", "no"))
                .post("/api/payroll/leave-requests/" + first + "/reject").then().statusCode(200);
        createLeave(employee(user), "SICK", "2027-07-09", "2027-07-12", "16").then().statusCode(201);
    }

    @Test
    void concurrentOverlappingRequestsOfOneEmployeeLetExactlyOneThrough() {
        String user = uniqueUser("emp");
        createEmployee(user, "20.00", "40", "40");

        List<Integer> statuses = Concurrently.run(8, i -> () -> createLeave(employee(user), "ANNUAL",
                "2027-09-0" + (1 + i % 3), "2027-09-03", "8").statusCode());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        get(employee(user), "/api/payroll/leave-requests").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void timesheetEntriesOutsideZeroToTwentyFourOrTheWeekAreRefused() {
        String user = uniqueUser("emp");
        createEmployee(user, "20.00", "40", "40");
        String[] badHours = {"24.5", "-1"};
        for (String hours : badHours) {
            given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                    .body(Map.of("week", "2027-W02", "entries", List.of(Map.of("date", "2027-01-11", "hours",
                            new java.math.BigDecimal(hours)))))
                    .post("/api/payroll/timesheets").then().statusCode(400).contentType(PROBLEM);
        }
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("week", "2027-W02", "entries", List.of(Map.of("date", "2027-01-18", "hours", 8))))
                .post("/api/payroll/timesheets").then().statusCode(400).body("code", equalTo("INVALID_ENTRY"));
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("week", "2027-W02", "entries", List.of(Map.of("date", "2027-01-11", "hours", 8),
                        Map.of("date", "2027-01-11", "hours", 2))))
                .post("/api/payroll/timesheets").then().statusCode(400).body("code", equalTo("INVALID_ENTRY"));
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("week", "2027-53", "entries", List.of()))
                .post("/api/payroll/timesheets").then().statusCode(400).body("code", equalTo("INVALID_WEEK"));
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("week", "2026-W54", "entries", List.of()))
                .post("/api/payroll/timesheets").then().statusCode(400).body("code", equalTo("INVALID_WEEK"));
        get(employee(user), "/api/payroll/timesheets").then().statusCode(200).body("$", hasSize(0));

        String id = createTimesheet(employee(user), "2027-W02", "8");
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(Map.of("date", "2027-01-11", "hours", 30)), "version", 1))
                .put("/api/payroll/timesheets/" + id).then().statusCode(400);
        get(employee(user), "/api/payroll/timesheets/" + id).then().body("entries[0].hours", equalTo(8))
                .body("version", equalTo(1));
        createTimesheet(employee(user), "2027-W03", "8");
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("week", "2027-W02", "entries", List.of()))
                .post("/api/payroll/timesheets").then().statusCode(409).body("code", equalTo("DUPLICATE_TIMESHEET"));
    }

    @Test
    void negativeRatesAndBalancesAreRefusedAndStaleVersionsConflict() {
        String user = uniqueUser("emp");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("user_id", user, "name", "N", "hourly_rate", -1, "standard_weekly_hours", 40,
                        "leave_balances", Map.of("annual", 0, "sick", 0, "personal", 0)))
                .post("/api/payroll/employees").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("user_id", user, "name", "N", "hourly_rate", 10, "standard_weekly_hours", 40,
                        "leave_balances", Map.of("annual", -5, "sick", 0, "personal", 0)))
                .post("/api/payroll/employees").then().statusCode(400).contentType(PROBLEM);
        get(admin(), "/api/payroll/employees?active=true&limit=500").then().statusCode(200);

        String id = createEmployee(user, "20.00", "40", "40");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("user_id", user, "name", "Again", "hourly_rate", 10, "standard_weekly_hours", 40,
                        "leave_balances", Map.of("annual", 0, "sick", 0, "personal", 0)))
                .post("/api/payroll/employees").then().statusCode(409).body("code", equalTo("DUPLICATE_EMPLOYEE"));

        Map<String, Object> edit = Map.of("name", "Renamed", "hourly_rate", 22, "standard_weekly_hours", 40,
                "leave_balances", Map.of("annual", 40, "sick", 40, "personal", 16), "active", true, "version", 1);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(edit)
                .put("/api/payroll/employees/" + id).then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(edit)
                .put("/api/payroll/employees/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("VERSION_CONFLICT")).body("current_version", equalTo(2));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed", "hourly_rate", -22, "standard_weekly_hours", 40,
                        "leave_balances", Map.of("annual", 40, "sick", 40, "personal", 16), "active", true,
                        "version", 2))
                .put("/api/payroll/employees/" + id).then().statusCode(400);
        get(admin(), "/api/payroll/employees/" + id).then().body("hourly_rate", equalTo(22)).body("version", equalTo(2));
    }

    @Test
    void unknownIdsAreNotFoundAndBadQueryParametersAreBadRequests() {
        String[] paths = {"/api/payroll/employees/nope", "/api/payroll/leave-requests/nope",
                "/api/payroll/timesheets/nope", "/api/payroll/calculations/nope",
                "/api/payroll/employees/nope/pay-summary"};
        for (String path : paths) {
            get(admin(), path).then().statusCode(404).contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
        }
        post(manager("mgr-1"), "/api/payroll/leave-requests/nope/approve").then().statusCode(404).contentType(PROBLEM);
        post(manager("mgr-1"), "/api/payroll/timesheets/nope/approve").then().statusCode(404).contentType(PROBLEM);
        get(admin(), "/api/payroll/leave-requests?status=MAYBE").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_PARAMETER"));
        get(admin(), "/api/payroll/calculations?from=yesterday").then().statusCode(400).contentType(PROBLEM);
        get(admin(), "/api/payroll/calculations?from=2026-02-01&to=2026-01-01").then().statusCode(400);
        get(admin(), "/api/payroll/timesheets?limit=100000").then().statusCode(400);
        get(admin(), "/api/payroll/timesheets?limit=many").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_PARAMETER")).body("field", equalTo("limit"));
        get(admin(), "/api/payroll/employees?active=maybe").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_PARAMETER")).body("field", equalTo("active"));
        given().auth().oauth2(employee(uniqueUser("nobody"))).contentType(ContentType.JSON)
                .body(Map.of("leave_type", "ANNUAL", "start_date", "2027-06-10", "end_date", "2027-06-10", "hours", 8))
                .post("/api/payroll/leave-requests").then().statusCode(404).contentType(PROBLEM);
    }

    /**
     * A rejection's body is a record with one String: without @Consumes a text/plain body was taken whole as the
     * reason (found by the system tests' hostile input). Bodies are JSON only; anything else is 415 and no change.
     */
    @Test
    void bodiesInAnotherContentTypeAreUnsupportedAndChangeNothing() {
        String user = uniqueUser("emp");
        createEmployee(user, "20.00", "40", "40");
        String leave = createLeaveId(employee(user), "ANNUAL", "2027-08-02", "2027-08-02", "8");
        String sheet = submittedTimesheet(employee(user), "2027-W30", "8", "8");
        String json = "{\"reason\": \"not now\"}";

        given().auth().oauth2(manager("mgr-ct")).contentType(ContentType.TEXT).body(json)
                .post("/api/payroll/leave-requests/" + leave + "/reject").then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(manager("mgr-ct")).contentType(ContentType.TEXT).body(json)
                .post("/api/payroll/timesheets/" + sheet + "/reject").then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(employee(user)).contentType(ContentType.TEXT)
                .body("{\"leave_type\": \"UNPAID\", \"start_date\": \"2027-08-09\", \"end_date\": \"2027-08-09\", \"hours\": 8}")
                .post("/api/payroll/leave-requests").then().statusCode(415).contentType(PROBLEM);

        get(manager("mgr-ct"), "/api/payroll/leave-requests/" + leave).then().body("status", equalTo("PENDING"));
        get(manager("mgr-ct"), "/api/payroll/timesheets/" + sheet).then().body("status", equalTo("SUBMITTED"));
        get(employee(user), "/api/payroll/leave-requests").then().statusCode(200).body("$", hasSize(1));
    }
}
