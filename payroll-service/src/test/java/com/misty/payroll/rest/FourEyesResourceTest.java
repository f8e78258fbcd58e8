package com.misty.payroll.rest;

import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.misty.payroll.PayrollApi.admin;
import static com.misty.payroll.PayrollApi.annualBalance;
import static com.misty.payroll.PayrollApi.createEmployee;
import static com.misty.payroll.PayrollApi.employee;
import static com.misty.payroll.PayrollApi.entries;
import static com.misty.payroll.PayrollApi.get;
import static com.misty.payroll.PayrollApi.manager;
import static com.misty.payroll.PayrollApi.post;
import static com.misty.payroll.PayrollApi.uniqueUser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Four eyes: whoever prepared a record for someone else does not also approve it; absurd weeks and inactive
 * profiles are refused. The attack from issue 16: a manager files a 168-hour week for an employee, submits it
 * and approves it alone.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class FourEyesResourceTest {

    @Test
    void aManagerWhoFiledATimesheetForSomeoneCannotApproveItButAnotherManagerCan() {
        String user = uniqueUser("worker");
        String employeeId = createEmployee(user, "20", "40", "80");
        String preparer = uniqueUser("mgr-prep");
        String sheet = given().auth().oauth2(manager(preparer)).contentType(ContentType.JSON)
                .body(Map.of("employee_id", employeeId, "week", "2027-W20", "entries", entries("2027-W20", "8", "8")))
                .post("/api/payroll/timesheets").then().statusCode(201).extract().path("id");
        post(manager(preparer), "/api/payroll/timesheets/" + sheet + "/submit").then().statusCode(200);

        post(manager(preparer), "/api/payroll/timesheets/" + sheet + "/approve").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FOUR_EYES"));
        get(admin(), "/api/payroll/timesheets/" + sheet).then().body("status", equalTo("SUBMITTED"));
        post(manager(uniqueUser("mgr-other")), "/api/payroll/timesheets/" + sheet + "/approve").then().statusCode(200);
    }

    @Test
    void whoeverSubmittedAnEmployeesDraftCannotApproveIt() {
        String user = uniqueUser("worker");
        createEmployee(user, "20", "40", "80");
        String sheet = given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("week", "2027-W21", "entries", entries("2027-W21", "8")))
                .post("/api/payroll/timesheets").then().statusCode(201).extract().path("id");
        String submitter = uniqueUser("mgr-sub");
        post(manager(submitter), "/api/payroll/timesheets/" + sheet + "/submit").then().statusCode(200);

        post(manager(submitter), "/api/payroll/timesheets/" + sheet + "/approve").then().statusCode(403)
                .body("code", equalTo("FOUR_EYES"));
        post(manager(uniqueUser("mgr-other")), "/api/payroll/timesheets/" + sheet + "/approve").then().statusCode(200);
    }

    @Test
    void aManagerWhoRequestedLeaveForSomeoneCannotApproveIt() {
        String user = uniqueUser("worker");
        String employeeId = createEmployee(user, "20", "40", "80");
        String preparer = uniqueUser("mgr-prep");
        String leave = given().auth().oauth2(manager(preparer)).contentType(ContentType.JSON)
                .body(Map.of("employee_id", employeeId, "leave_type", "ANNUAL", "start_date", "2027-05-24",
                        "end_date", "2027-05-24", "hours", 8, "reason", "filed by the manager"))
                .post("/api/payroll/leave-requests").then().statusCode(201).extract().path("id");

        post(manager(preparer), "/api/payroll/leave-requests/" + leave + "/approve").then().statusCode(403)
                .body("code", equalTo("FOUR_EYES"));
        assertThat(annualBalance(employeeId)).as("nothing deducted").isEqualByComparingTo("80");
        post(manager(uniqueUser("mgr-other")), "/api/payroll/leave-requests/" + leave + "/approve").then().statusCode(200);
    }

    @Test
    void aWeekAboveTheCeilingIsRefusedWithAClearCode() {
        String user = uniqueUser("worker");
        createEmployee(user, "20", "40", "80");
        // 7 × 24 h = 168 h: every day is valid on its own, the week is not.
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("week", "2027-W22", "entries", entries("2027-W22", "24", "24", "24", "24", "24", "24", "24")))
                .post("/api/payroll/timesheets").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("WEEKLY_HOURS_EXCEEDED"))
                .body("max_weekly_hours", equalTo(80));
        // At the ceiling is fine (the default is 80 h).
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("week", "2027-W22", "entries", entries("2027-W22", "16", "16", "16", "16", "16")))
                .post("/api/payroll/timesheets").then().statusCode(201);
    }

    @Test
    void anEditAboveTheCeilingIsRefusedToo() {
        String user = uniqueUser("worker");
        createEmployee(user, "20", "40", "80");
        Map<String, Object> sheet = given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("week", "2027-W23", "entries", entries("2027-W23", "8")))
                .post("/api/payroll/timesheets").then().statusCode(201).extract().path("");
        given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("version", sheet.get("version"),
                        "entries", entries("2027-W23", "20", "20", "20", "20", "20")))
                .put("/api/payroll/timesheets/" + sheet.get("id")).then().statusCode(400)
                .body("code", equalTo("WEEKLY_HOURS_EXCEEDED"));
    }

    @Test
    void timesheetsAndLeaveOfAnInactiveProfileAreRefused() {
        String user = uniqueUser("leaver");
        String employeeId = createEmployee(user, "20", "40", "80");
        String draft = given().auth().oauth2(employee(user)).contentType(ContentType.JSON)
                .body(Map.of("week", "2027-W24", "entries", entries("2027-W24", "8")))
                .post("/api/payroll/timesheets").then().statusCode(201).extract().path("id");
        Map<String, Object> profile = get(admin(), "/api/payroll/employees/" + employeeId).then().extract().path("");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Gone", "hourly_rate", 20, "standard_weekly_hours", 40,
                        "leave_balances", Map.of("annual", 80, "sick", 0, "personal", 0), "active", false,
                        "version", profile.get("version")))
                .put("/api/payroll/employees/" + employeeId).then().statusCode(200);

        given().auth().oauth2(manager(uniqueUser("mgr"))).contentType(ContentType.JSON)
                .body(Map.of("employee_id", employeeId, "week", "2027-W25", "entries", entries("2027-W25", "8")))
                .post("/api/payroll/timesheets").then().statusCode(409).body("code", equalTo("EMPLOYEE_INACTIVE"));
        post(employee(user), "/api/payroll/timesheets/" + draft + "/submit").then().statusCode(409)
                .body("code", equalTo("EMPLOYEE_INACTIVE"));
        given().auth().oauth2(manager(uniqueUser("mgr"))).contentType(ContentType.JSON)
                .body(Map.of("employee_id", employeeId, "leave_type", "ANNUAL", "start_date", "2027-06-21",
                        "end_date", "2027-06-21", "hours", 8, "reason", "x"))
                .post("/api/payroll/leave-requests").then().statusCode(409).body("code", equalTo("EMPLOYEE_INACTIVE"));
    }
}
