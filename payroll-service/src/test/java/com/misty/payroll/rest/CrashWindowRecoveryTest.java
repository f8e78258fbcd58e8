package com.misty.payroll.rest;

import com.misty.payroll.service.LeaveRecovery;
import com.misty.payroll.service.TimesheetRecovery;
import com.misty.testkit.MistyTestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;

import static com.misty.payroll.PayrollApi.annualBalance;
import static com.misty.payroll.PayrollApi.createEmployee;
import static com.misty.payroll.PayrollApi.createLeave;
import static com.misty.payroll.PayrollApi.createLeaveId;
import static com.misty.payroll.PayrollApi.employee;
import static com.misty.payroll.PayrollApi.get;
import static com.misty.payroll.PayrollApi.manager;
import static com.misty.payroll.PayrollApi.post;
import static com.misty.payroll.PayrollApi.submittedTimesheet;
import static com.misty.payroll.PayrollApi.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The original's crash window and its kin: the process dies between the single-document steps of a leave or
 * timesheet operation (after a deduction, a refund-due mark, a day booking or an approval). The half-done state is written directly with the MongoDB client, then a redo or the recovery pass completes it.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class CrashWindowRecoveryTest {

    @Inject
    MongoClient mongo;

    @Inject
    LeaveRecovery leaveRecovery;

    @Inject
    TimesheetRecovery timesheetRecovery;

    private MongoCollection<Document> collection(String name) {
        return mongo.getDatabase("payroll").getCollection(name);
    }

    /** What a crashed approver leaves behind: the keyed deduction is stored, the request is still PENDING. */
    private void deductLikeACrashedApprover(String employeeId, String requestId, String hours, Instant at) {
        collection("employee_profiles").updateOne(Filters.eq("_id", employeeId), Updates.combine(
                Updates.inc("leave_balances.annual", new Decimal128(new BigDecimal(hours).negate())),
                Updates.push("leave_deductions", new Document("request_id", requestId).append("leave_type", "ANNUAL")
                        .append("hours", new Decimal128(new BigDecimal(hours))).append("approved_by", "mgr-crashed")
                        .append("at", Date.from(at))),
                Updates.addToSet("unsettled_leave_deductions", requestId),
                Updates.inc("version", 1L)));
    }

    @Test
    void aRedoneApprovalCompletesWithoutDeductingAgain() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "25.00", "38", "80");
        String requestId = createLeaveId(employee(user), "ANNUAL", "2027-03-01", "2027-03-01", "8");
        deductLikeACrashedApprover(employeeId, requestId, "8", Instant.now());
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("72");

        post(manager("mgr-2"), "/api/payroll/leave-requests/" + requestId + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));

        assertThat(annualBalance(employeeId)).isEqualByComparingTo("72");
        // Completed, so the deduction is settled: the recovery pass has nothing left to look at here.
        assertThat(collection("employee_profiles").find(Filters.eq("_id", employeeId)).first()
                .getList("unsettled_leave_deductions", String.class)).isEmpty();
    }

    @Test
    void theRecoveryPassCompletesAnAbandonedApproval() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "25.00", "38", "80");
        String requestId = createLeaveId(employee(user), "ANNUAL", "2027-03-08", "2027-03-08", "8");
        Instant crashedAt = Instant.now().minusSeconds(120);
        deductLikeACrashedApprover(employeeId, requestId, "8", crashedAt);

        // A deduction younger than the cutoff may belong to a live approver: left alone.
        assertThat(leaveRecovery.recover(crashedAt.minusSeconds(1)).approvalsCompleted()).isZero();
        get(manager("mgr-1"), "/api/payroll/leave-requests/" + requestId).then().body("status", equalTo("PENDING"));

        LeaveRecovery.RecoveryReport report = leaveRecovery.recover(Instant.now());
        assertThat(report.approvalsCompleted()).isGreaterThanOrEqualTo(1);
        get(manager("mgr-1"), "/api/payroll/leave-requests/" + requestId)
                .then().body("status", equalTo("APPROVED")).body("decided_by", equalTo("mgr-crashed"));
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("72");

        // Running it again changes nothing.
        leaveRecovery.recover(Instant.now());
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("72");
    }

    @Test
    void aDeductionLeftOnARejectedRequestIsRefundedOnce() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "25.00", "38", "80");
        String requestId = createLeaveId(employee(user), "ANNUAL", "2027-03-15", "2027-03-15", "8");
        // An approver deducted, then lost to a rejection and died before undoing its deduction.
        collection("leave_requests").updateOne(Filters.eq("_id", requestId), Updates.set("status", "REJECTED"));
        deductLikeACrashedApprover(employeeId, requestId, "8", Instant.now().minusSeconds(120));
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("72");

        assertThat(leaveRecovery.recover(Instant.now()).deductionsRefunded()).isGreaterThanOrEqualTo(1);
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("80");
        leaveRecovery.recover(Instant.now());
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("80");
    }

    @Test
    void aCancelledApprovalWhoseRefundWasInterruptedIsRefundedByRecovery() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "25.00", "38", "80");
        String requestId = createLeaveId(employee(user), "ANNUAL", "2027-03-22", "2027-03-22", "8");
        post(manager("mgr-1"), "/api/payroll/leave-requests/" + requestId + "/approve").then().statusCode(200);
        // The cancel moved the request to CANCELLED (recording the refund as due) and died before its refund.
        collection("leave_requests").updateOne(Filters.eq("_id", requestId), Updates.combine(
                Updates.set("status", "CANCELLED"), Updates.set("refund_due", true),
                Updates.set("cancelled_at", Date.from(Instant.now().minusSeconds(120)))));
        assertThat(annualBalance(employeeId)).isEqualByComparingTo("72");

        assertThat(leaveRecovery.recover(Instant.now()).deductionsRefunded()).isGreaterThanOrEqualTo(1);
        leaveRecovery.recover(Instant.now());

        assertThat(annualBalance(employeeId)).isEqualByComparingTo("80");
        assertThat(collection("leave_requests").find(Filters.eq("_id", requestId)).first().get("refund_due")).isNull();
    }

    @Test
    void daysBookedByACreateThatDiedOrByARejectedRequestAreFreedOnTheNextRequest() {
        String user = uniqueUser("emp");
        String employeeId = createEmployee(user, "25.00", "38", "80");
        // A create booked the day and died before inserting its request: a young booking still blocks...
        pushBooking(employeeId, "2027-03-29", "never-stored", Instant.now());
        createLeave(employee(user), "ANNUAL", "2027-03-29", "2027-03-29", "8")
                .then().statusCode(409).body("code", equalTo("OVERLAPPING_LEAVE"));
        // ...one older than the grace period is freed on the spot.
        collection("employee_profiles").updateOne(Filters.eq("_id", employeeId),
                Updates.pull("leave_days", new Document("request_id", "never-stored")));
        pushBooking(employeeId, "2027-03-29", "never-stored", Instant.now().minusSeconds(120));
        String first = createLeaveId(employee(user), "ANNUAL", "2027-03-29", "2027-03-29", "8");

        // A reject that died before freeing the days: the next request frees them.
        collection("leave_requests").updateOne(Filters.eq("_id", first), Updates.set("status", "REJECTED"));
        createLeave(employee(user), "ANNUAL", "2027-03-29", "2027-03-29", "8").then().statusCode(201);
    }

    private void pushBooking(String employeeId, String day, String requestId, Instant at) {
        collection("employee_profiles").updateOne(Filters.eq("_id", employeeId), Updates.push("leave_days",
                new Document("day", day).append("request_id", requestId).append("at", Date.from(at))));
    }

    @Test
    void anApprovedTimesheetWithoutCalculationGetsExactlyOne() {
        String user = uniqueUser("emp");
        createEmployee(user, "20.00", "40", "0");
        String timesheetId = submittedTimesheet(employee(user), "2026-W10", "8", "8", "8", "8", "8");
        // The approver set APPROVED and died before calculating.
        collection("timesheets").updateOne(Filters.eq("_id", timesheetId), Updates.combine(
                Updates.set("status", "APPROVED"), Updates.set("approved_by", "mgr-crashed"),
                Updates.set("approved_at", Date.from(Instant.now().minusSeconds(120)))));

        assertThat(timesheetRecovery.recover(Instant.now())).isGreaterThanOrEqualTo(1);
        timesheetRecovery.recover(Instant.now());

        assertThat(collection("payroll_calculations").countDocuments(Filters.eq("timesheet_id", timesheetId)))
                .isEqualTo(1);
        get(manager("mgr-1"), "/api/payroll/calculations?timesheet_id=" + timesheetId)
                .then().statusCode(200).body("[0].gross_pay", equalTo(800.0f));
    }
}
