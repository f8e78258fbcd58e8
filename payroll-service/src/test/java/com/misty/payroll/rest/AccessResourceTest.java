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
import static com.misty.payroll.PayrollApi.createLeaveId;
import static com.misty.payroll.PayrollApi.employee;
import static com.misty.payroll.PayrollApi.get;
import static com.misty.payroll.PayrollApi.manager;
import static com.misty.payroll.PayrollApi.post;
import static com.misty.payroll.PayrollApi.submittedTimesheet;
import static com.misty.payroll.PayrollApi.uniqueUser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/** Object-level access: employees reach only their own records; nobody approves their own. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class AccessResourceTest {

    @Test
    void anEmployeeSeesOnlyTheirOwnProfileLeaveTimesheetsAndPay() {
        String alice = uniqueUser("alice");
        String bob = uniqueUser("bob");
        String aliceId = createEmployee(alice, "20.00", "40", "40");
        String bobId = createEmployee(bob, "20.00", "40", "40");
        String bobLeave = createLeaveId(employee(bob), "ANNUAL", "2027-04-05", "2027-04-05", "8");
        String bobSheet = submittedTimesheet(employee(bob), "2027-W14", "8");
        post(manager("mgr-1"), "/api/payroll/timesheets/" + bobSheet + "/approve").then().statusCode(200);
        createLeaveId(employee(alice), "ANNUAL", "2027-04-06", "2027-04-06", "8");

        get(employee(alice), "/api/payroll/employees/me").then().statusCode(200).body("id", equalTo(aliceId));
        get(employee(alice), "/api/payroll/employees/" + aliceId).then().statusCode(200);
        get(employee(alice), "/api/payroll/employees/" + bobId).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        get(employee(alice), "/api/payroll/employees").then().statusCode(403);
        get(employee(alice), "/api/payroll/leave-requests/" + bobLeave).then().statusCode(403);
        get(employee(alice), "/api/payroll/leave-requests?employee_id=" + bobId).then().statusCode(403);
        get(employee(alice), "/api/payroll/leave-requests").then().statusCode(200)
                .body("$", hasSize(1)).body("employee_id", everyItem(equalTo(aliceId)));
        get(employee(alice), "/api/payroll/timesheets/" + bobSheet).then().statusCode(403);
        get(employee(alice), "/api/payroll/calculations?employee_id=" + bobId).then().statusCode(403);
        get(employee(alice), "/api/payroll/calculations").then().statusCode(200).body("$", hasSize(0));
        get(employee(alice), "/api/payroll/employees/" + bobId + "/pay-summary").then().statusCode(403);
        get(employee(bob), "/api/payroll/employees/" + bobId + "/pay-summary").then().statusCode(200)
                .body("calculations", equalTo(1)).body("gross_pay", equalTo(160.0f));
        String bobCalc = get(employee(bob), "/api/payroll/calculations").then().statusCode(200)
                .body("$", hasSize(1)).extract().path("[0].id");
        get(employee(alice), "/api/payroll/calculations/" + bobCalc).then().statusCode(403);

        // Changing another's records is refused too, and changes nothing.
        post(employee(alice), "/api/payroll/leave-requests/" + bobLeave + "/cancel").then().statusCode(403);
        post(employee(alice), "/api/payroll/timesheets/" + bobSheet + "/submit").then().statusCode(403);
        given().auth().oauth2(employee(alice)).contentType(ContentType.JSON)
                .body(Map.of("employee_id", bobId, "leave_type", "ANNUAL", "start_date", "2027-05-03",
                        "end_date", "2027-05-03", "hours", 8))
                .post("/api/payroll/leave-requests").then().statusCode(403);
        get(manager("mgr-1"), "/api/payroll/leave-requests/" + bobLeave).then().body("status", equalTo("PENDING"));
    }

    @Test
    void employeesCannotDecideAndManagersCannotApproveTheirOwn() {
        String worker = uniqueUser("worker");
        String boss = uniqueUser("boss");
        String workerId = createEmployee(worker, "20.00", "40", "40");
        String bossId = createEmployee(boss, "30.00", "40", "40");
        String workerLeave = createLeaveId(employee(worker), "ANNUAL", "2027-04-12", "2027-04-12", "8");
        String bossLeave = createLeaveId(manager(boss), "ANNUAL", "2027-04-13", "2027-04-13", "8");
        String bossSheet = submittedTimesheet(manager(boss), "2027-W15", "8");

        post(employee(worker), "/api/payroll/leave-requests/" + workerLeave + "/approve").then().statusCode(403);
        post(manager(boss), "/api/payroll/leave-requests/" + bossLeave + "/approve").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        post(manager(boss), "/api/payroll/timesheets/" + bossSheet + "/approve").then().statusCode(403);
        given().auth().oauth2(TestTokensAdmin.adminAs(boss)).post("/api/payroll/leave-requests/" + bossLeave + "/approve")
                .then().statusCode(403);

        assertThat(annualBalance(workerId)).isEqualByComparingTo("40");
        assertThat(annualBalance(bossId)).isEqualByComparingTo("40");
        get(admin(), "/api/payroll/timesheets/" + bossSheet).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void anEmployeeCancelsTheirPendingLeaveButNotAnApprovedOne() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "20.00", "40", "40");
        String pending = createLeaveId(employee(user), "ANNUAL", "2027-04-19", "2027-04-19", "8");
        String approved = createLeaveId(employee(user), "ANNUAL", "2027-04-20", "2027-04-20", "8");
        post(manager("mgr-1"), "/api/payroll/leave-requests/" + approved + "/approve").then().statusCode(200);

        post(employee(user), "/api/payroll/leave-requests/" + pending + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        post(employee(user), "/api/payroll/leave-requests/" + approved + "/cancel").then().statusCode(403);
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("32");
    }

    @Test
    void onlyAdminsCreateAndEditProfiles() {
        given().auth().oauth2(manager("mgr-1")).contentType(ContentType.JSON)
                .body(Map.of("user_id", uniqueUser("x"), "name", "X", "hourly_rate", 10, "standard_weekly_hours", 40,
                        "leave_balances", Map.of("annual", 0, "sick", 0, "personal", 0)))
                .post("/api/payroll/employees").then().statusCode(403);
        given().contentType(ContentType.JSON).get("/api/payroll/employees/me").then().statusCode(401);
    }

    /** An admin token for a given user id (admins may not approve their own leave either). */
    static final class TestTokensAdmin {
        static String adminAs(String userId) {
            return com.misty.testkit.TestTokens.accessToken(userId, "admin");
        }
    }
}
