package com.misty.payroll.rest;

import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.ServiceMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.misty.payroll.PayrollApi.annualBalance;
import static com.misty.payroll.PayrollApi.createEmployee;
import static com.misty.payroll.PayrollApi.createLeaveId;
import static com.misty.payroll.PayrollApi.employee;
import static com.misty.payroll.PayrollApi.get;
import static com.misty.payroll.PayrollApi.manager;
import static com.misty.payroll.PayrollApi.post;
import static com.misty.payroll.PayrollApi.uniqueUser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The original's Test 2 and the same at scale: concurrent managers approve (and cancel) one request. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class LeaveApprovalResourceTest {

    private static final int MANAGERS = 16;
    private static final int ROUNDS = 8;

    record Outcome(int status, String code, String detail) {
        static Outcome of(Response r) {
            return new Outcome(r.statusCode(), r.jsonPath().getString("code"), r.jsonPath().getString("detail"));
        }
    }

    @Test
    void twoManagersApprovingAtOnceDeductOnceAndTheLoserIsToldWhy() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "25.00", "38", "80");
        String requestId = createLeaveId(employee(user), "ANNUAL", "2026-12-01", "2026-12-01", "8");
        List<String> managers = List.of(uniqueUser("mgr-a"), uniqueUser("mgr-b"));

        List<Outcome> outcomes = Concurrently.run(2, i -> () ->
                Outcome.of(post(manager(managers.get(i)), "/api/payroll/leave-requests/" + requestId + "/approve")));

        assertThat(outcomes).extracting(Outcome::status).containsExactlyInAnyOrder(200, 409);
        Outcome loser = outcomes.stream().filter(o -> o.status() == 409).findFirst().orElseThrow();
        assertThat(loser.code()).isEqualTo("ALREADY_DECIDED");
        assertThat(loser.detail()).isEqualTo("Already approved or concurrent approval occurred");
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("72");
        get(manager(managers.get(0)), "/api/payroll/leave-requests/" + requestId)
                .then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void sixteenManagersOverManyRoundsDeductEachRequestExactlyOnce() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "25.00", "38", "200");
        BigDecimal expected = new BigDecimal("200");
        LocalDate day = LocalDate.of(2027, 1, 4);
        for (int round = 0; round < ROUNDS; round++) {
            String requestId = createLeaveId(employee(user), "ANNUAL", day.plusDays(round).toString(),
                    day.plusDays(round).toString(), "7.5");
            List<Outcome> outcomes = Concurrently.run(MANAGERS, i -> () ->
                    Outcome.of(post(manager("mgr-" + i), "/api/payroll/leave-requests/" + requestId + "/approve")));

            assertThat(outcomes).filteredOn(o -> o.status() == 200).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.status() != 200)
                    .allSatisfy(o -> assertThat(o).isEqualTo(new Outcome(409, "ALREADY_DECIDED",
                            "Already approved or concurrent approval occurred")));
            expected = expected.subtract(new BigDecimal("7.5"));
            assertThat(annualBalance(employeeId)).as("balance after round %d", round).isEqualByComparingTo(expected);
        }
        List<String> deducted = get(manager("mgr-x"), "/api/payroll/employees/" + employeeId)
                .then().extract().jsonPath().getList("deducted_leave_requests");
        assertThat(deducted).hasSize(ROUNDS).doesNotHaveDuplicates();
    }

    @Test
    void insufficientBalanceIsRefusedAndTheRequestStaysPending() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "25.00", "38", "4");
        String requestId = createLeaveId(employee(user), "ANNUAL", "2026-12-07", "2026-12-07", "8");

        List<Outcome> outcomes = Concurrently.run(4, i -> () ->
                Outcome.of(post(manager("mgr-" + i), "/api/payroll/leave-requests/" + requestId + "/approve")));

        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(409);
            assertThat(o.code()).isEqualTo("INSUFFICIENT_BALANCE");
        });
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("4");
        get(manager("mgr-0"), "/api/payroll/leave-requests/" + requestId)
                .then().statusCode(200).body("status", equalTo("PENDING"));
    }

    @Test
    void concurrentApprovalsOfDifferentRequestsNeverOverdrawTheBalance() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "25.00", "38", "20");
        List<String> requests = List.of(
                createLeaveId(employee(user), "ANNUAL", "2027-02-01", "2027-02-01", "8"),
                createLeaveId(employee(user), "ANNUAL", "2027-02-02", "2027-02-02", "8"),
                createLeaveId(employee(user), "ANNUAL", "2027-02-03", "2027-02-03", "8"),
                createLeaveId(employee(user), "ANNUAL", "2027-02-04", "2027-02-04", "8"));

        List<Outcome> outcomes = Concurrently.run(8, i -> () -> Outcome.of(
                post(manager("mgr-" + i), "/api/payroll/leave-requests/" + requests.get(i % 4) + "/approve")));

        assertThat(outcomes).filteredOn(o -> o.status() == 200).hasSize(2);
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("4");
    }

    @Test
    void cancellingAnApprovedLeaveRefundsExactlyOnceWhateverTheNumberOfManagers() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "25.00", "38", "80");
        String requestId = createLeaveId(employee(user), "ANNUAL", "2026-12-14", "2026-12-15", "16");
        post(manager("mgr-1"), "/api/payroll/leave-requests/" + requestId + "/approve").then().statusCode(200);
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("64");

        List<Outcome> outcomes = Concurrently.run(MANAGERS, i -> () ->
                Outcome.of(post(manager("mgr-" + i), "/api/payroll/leave-requests/" + requestId + "/cancel")));

        assertThat(outcomes).filteredOn(o -> o.status() == 200).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.status() != 200).extracting(Outcome::status).containsOnly(409);
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("80");
        // Once refunded, the request can never be deducted again.
        post(manager("mgr-1"), "/api/payroll/leave-requests/" + requestId + "/approve")
                .then().statusCode(409).body("code", equalTo("ALREADY_DECIDED"));
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("80");
    }

    @Test
    void aSecondDecisionIsCountedAsAConflictByItsCode() {
        String user = uniqueUser("emp");
        createEmployee(user, "25.00", "38", "80");
        String requestId = createLeaveId(employee(user), "ANNUAL", "2026-12-28", "2026-12-28", "8");
        post(manager("mgr-1"), "/api/payroll/leave-requests/" + requestId + "/approve").then().statusCode(200);
        double before = ServiceMetrics.value("misty_problems_total", "status", "409", "code", "ALREADY_DECIDED");

        post(manager("mgr-2"), "/api/payroll/leave-requests/" + requestId + "/approve")
                .then().statusCode(409).body("code", equalTo("ALREADY_DECIDED"));

        assertThat(ServiceMetrics.value("misty_problems_total", "status", "409", "code", "ALREADY_DECIDED"))
                .isEqualTo(before + 1);
    }

    @Test
    void approveAndRejectRacingLeaveTheBalanceConsistentWithTheOutcome() {
        for (int round = 0; round < 6; round++) {
            String user = uniqueUser("emp");
            String employeeId = createEmployee(user, "25.00", "38", "40");
            String requestId = createLeaveId(employee(user), "SICK", "2026-12-21", "2026-12-21", "8");

            Concurrently.run(MANAGERS, i -> () -> i % 2 == 0
                    ? post(manager("mgr-" + i), "/api/payroll/leave-requests/" + requestId + "/approve").statusCode()
                    : given().auth().oauth2(manager("mgr-" + i)).contentType(ContentType.JSON)
                            .body(Map.of("reason", "busy week"))
                            .post("/api/payroll/leave-requests/" + requestId + "/reject").statusCode());

            String status = get(manager("mgr-0"), "/api/payroll/leave-requests/" + requestId)
                    .then().extract().path("status");
            BigDecimal sick = new BigDecimal(get(manager("mgr-0"), "/api/payroll/employees/" + employeeId)
                    .then().extract().jsonPath().getString("leave_balances.sick"));
            assertThat(sick).as("sick balance when %s", status)
                    .isEqualByComparingTo(status.equals("APPROVED") ? "32" : "40");
        }
    }

    @Test
    void unpaidLeaveNeedsNoBalance() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "25.00", "38", "0");
        String requestId = createLeaveId(employee(user), "UNPAID", "2026-12-28", "2026-12-31", "32");
        post(manager("mgr-1"), "/api/payroll/leave-requests/" + requestId + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("0");
    }
}
