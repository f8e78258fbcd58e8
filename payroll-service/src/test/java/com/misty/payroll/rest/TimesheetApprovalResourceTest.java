package com.misty.payroll.rest;

import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.misty.payroll.PayrollApi.admin;
import static com.misty.payroll.PayrollApi.createEmployee;
import static com.misty.payroll.PayrollApi.employee;
import static com.misty.payroll.PayrollApi.get;
import static com.misty.payroll.PayrollApi.manager;
import static com.misty.payroll.PayrollApi.post;
import static com.misty.payroll.PayrollApi.submittedTimesheet;
import static com.misty.payroll.PayrollApi.uniqueUser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The original's Test 3 and the same at scale: one approval, exactly one payroll calculation. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class TimesheetApprovalResourceTest {

    private static final int MANAGERS = 16;
    private static final int ROUNDS = 8;

    @Inject
    MongoClient mongo;

    record Outcome(int status, String code, String detail) {
        static Outcome of(Response r) {
            return new Outcome(r.statusCode(), r.jsonPath().getString("code"), r.jsonPath().getString("detail"));
        }
    }

    private long calculationsOf(String timesheetId) {
        return mongo.getDatabase("payroll").getCollection("payroll_calculations")
                .countDocuments(Filters.eq("timesheet_id", timesheetId));
    }

    @Test
    void twoManagersApprovingAtOnceProduceOneCalculation() {
        String user = uniqueUser("emp");
        createEmployee(user, "20.00", "40", "0");
        String timesheetId = submittedTimesheet(employee(user), "2026-W48", "8", "8", "8", "8", "8");

        List<Outcome> outcomes = Concurrently.run(2, i -> () ->
                Outcome.of(post(manager("mgr-" + i), "/api/payroll/timesheets/" + timesheetId + "/approve")));

        assertThat(outcomes).extracting(Outcome::status).containsExactlyInAnyOrder(200, 409);
        Outcome loser = outcomes.stream().filter(o -> o.status() == 409).findFirst().orElseThrow();
        assertThat(loser.code()).isEqualTo("ALREADY_DECIDED");
        assertThat(loser.detail()).isEqualTo("Already approved by another manager");
        assertThat(calculationsOf(timesheetId)).isEqualTo(1);
    }

    @Test
    void sixteenManagersOverManyRoundsAlwaysLeaveExactlyOneCalculation() {
        String user = uniqueUser("emp");
        createEmployee(user, "20.00", "40", "0");
        for (int round = 0; round < ROUNDS; round++) {
            String week = String.format("2026-W%02d", 20 + round);
            String timesheetId = submittedTimesheet(employee(user), week, "9", "9", "9", "9", "9");

            List<Outcome> outcomes = Concurrently.run(MANAGERS, i -> () ->
                    Outcome.of(post(manager("mgr-" + i), "/api/payroll/timesheets/" + timesheetId + "/approve")));

            assertThat(outcomes).filteredOn(o -> o.status() == 200).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.status() != 200)
                    .allSatisfy(o -> assertThat(o.code()).isEqualTo("ALREADY_DECIDED"));
            assertThat(calculationsOf(timesheetId)).as("calculations in round %d", round).isEqualTo(1);
        }
    }

    @Test
    void approvalAnswersWithThePayWithOvertime() {
        String user = uniqueUser("emp");
        createEmployee(user, "20.005", "38", "0");
        String timesheetId = submittedTimesheet(employee(user), "2026-W49", "9", "9", "9", "9", "4.5");

        post(manager("mgr-1"), "/api/payroll/timesheets/" + timesheetId + "/approve")
                .then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("calculation.total_hours", equalTo(40.5f))
                .body("calculation.regular_hours", equalTo(38))
                .body("calculation.overtime_hours", equalTo(2.5f))
                // 38 × 20.005 = 760.19; 2.5 × 20.005 × 1.5 = 75.01875 → 75.02
                .body("calculation.regular_pay", equalTo(760.19f))
                .body("calculation.overtime_pay", equalTo(75.02f))
                .body("calculation.gross_pay", equalTo(835.21f))
                .body("calculation.overtime_multiplier", equalTo(1.5f));
    }

    @Test
    void aFailedCalculationReturnsTheTimesheetToSubmitted() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "20.00", "40", "0");
        String timesheetId = submittedTimesheet(employee(user), "2026-W47", "8");
        // The profile vanishes (e.g. a bad import), so pay cannot be calculated.
        mongo.getDatabase("payroll").getCollection("employee_profiles").deleteOne(Filters.eq("_id", employeeId));

        post(manager("mgr-1"), "/api/payroll/timesheets/" + timesheetId + "/approve")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("CALCULATION_FAILED"));

        get(manager("mgr-1"), "/api/payroll/timesheets/" + timesheetId)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertThat(calculationsOf(timesheetId)).isZero();
    }

    @Test
    void aStubWithoutRateCannotBePaidUntilTheAdminSetsOne() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "20.00", "40", "0");
        // Simulate a stub: rate not yet set.
        mongo.getDatabase("payroll").getCollection("employee_profiles").updateOne(Filters.eq("_id", employeeId),
                com.mongodb.client.model.Updates.set("hourly_rate", null));
        String timesheetId = submittedTimesheet(employee(user), "2026-W46", "8");

        post(manager("mgr-1"), "/api/payroll/timesheets/" + timesheetId + "/approve")
                .then().statusCode(409).body("code", equalTo("CALCULATION_FAILED"));
        get(manager("mgr-1"), "/api/payroll/timesheets/" + timesheetId).then().body("status", equalTo("SUBMITTED"));

        Map<String, Object> profile = get(admin(), "/api/payroll/employees/" + employeeId).then().extract().path("");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Paid now", "hourly_rate", 21, "standard_weekly_hours", 40,
                        "leave_balances", Map.of("annual", 0, "sick", 0, "personal", 0), "active", true,
                        "version", profile.get("version")))
                .put("/api/payroll/employees/" + employeeId).then().statusCode(200);
        post(manager("mgr-1"), "/api/payroll/timesheets/" + timesheetId + "/approve")
                .then().statusCode(200).body("calculation.gross_pay", equalTo(168.0f));
    }

    @Test
    void rejectionSendsTheSheetBackToDraftWithTheReason() {
        String user = uniqueUser("emp");
        createEmployee(user, "20.00", "40", "0");
        String timesheetId = submittedTimesheet(employee(user), "2026-W45", "8");

        given().auth().oauth2(manager("mgr-1")).contentType(ContentType.JSON).body(Map.of("reason", "Monday missing"))
                .post("/api/payroll/timesheets/" + timesheetId + "/reject")
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("rejection_reason", equalTo("Monday missing"));
        post(manager("mgr-1"), "/api/payroll/timesheets/" + timesheetId + "/approve")
                .then().statusCode(409).body("code", equalTo("INVALID_STATE"));
        assertThat(calculationsOf(timesheetId)).isZero();
    }
}
