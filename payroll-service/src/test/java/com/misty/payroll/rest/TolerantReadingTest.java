package com.misty.payroll.rest;

import com.misty.payroll.PayrollApi;
import com.misty.testkit.OwnDatabase;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;

import static com.misty.payroll.PayrollApi.admin;
import static com.misty.payroll.PayrollApi.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * Documents this code did not write — the original system's profiles, leave requests and timesheets (ObjectId
 * {@code _id}, lower-case or unknown statuses, {@code hours_requested}, per-type balance fields, no version, no
 * {@code active}, dates as text) — seeded straight into the database: every read endpoint answers, none with a 5xx.
 */
@QuarkusTest
@WithTestResource(value = OwnDatabase.class, initArgs = @ResourceArg(name = "database", value = "payroll_tolerant"))
class TolerantReadingTest {

    private static final ObjectId LEGACY_PROFILE = new ObjectId();
    private static final ObjectId LEGACY_LEAVE = new ObjectId();
    private static final String LEGACY_USER = "legacy-user";

    @Inject
    MongoClient mongo;

    @BeforeEach
    void seedForeignDocuments() {
        MongoDatabase db = mongo.getDatabase("payroll_tolerant");
        if (db.getCollection("employee_profiles").countDocuments() > 0) {
            return;
        }
        db.getCollection("employee_profiles").insertMany(List.of(
                new Document("_id", LEGACY_PROFILE).append("id", "e-legacy").append("user_id", LEGACY_USER)
                        .append("name", "Old Timer").append("hourly_rate", 27.5).append("standard_weekly_hours", 38)
                        .append("annual_leave_balance", 76.0).append("sick_leave_balance", 40)
                        .append("personal_leave_balance", new Decimal128(new BigDecimal("7.5"))),
                new Document("_id", "e-odd").append("user_id", "odd-user").append("name", 7).append("active", "yes")
                        .append("hourly_rate", "twenty").append("leave_balances", "none")
                        .append("leave_deductions", List.of("junk", new Document("request_id", "x")))));
        db.getCollection("leave_requests").insertMany(List.of(
                new Document("_id", LEGACY_LEAVE).append("id", "l-legacy").append("employee_id", "e-legacy")
                        .append("employee_user_id", LEGACY_USER).append("leave_type", "annual")
                        .append("start_date", "2025-09-01").append("end_date", "2025-09-02T00:00:00")
                        .append("hours_requested", 15.2).append("status", "approved")
                        .append("requested_at", "2025-08-20T09:00:00"),
                new Document("_id", "l-unknown").append("employee_id", "e-legacy").append("employee_user_id", LEGACY_USER)
                        .append("leave_type", "sabbatical").append("status", "pending")
                        .append("start_date", new Date()),
                new Document("_id", "l-status").append("employee_id", "e-legacy").append("employee_user_id", LEGACY_USER)
                        .append("leave_type", "SICK").append("status", "escalated")));
        db.getCollection("timesheets").insertMany(List.of(
                new Document("_id", new ObjectId()).append("employee_id", "e-legacy").append("employee_user_id", LEGACY_USER)
                        .append("week_starting", "2025-09-01").append("status", "submitted")
                        .append("entries", List.of(new Document("date", "2025-09-01").append("hours", 8.0),
                                new Document("date", "2025-09-02"))),
                new Document("_id", "t-odd").append("employee_id", "e-legacy").append("employee_user_id", LEGACY_USER)
                        .append("week", "last week").append("status", "paid").append("entries", "none")));
        db.getCollection("payroll_calculations").insertOne(new Document("_id", new ObjectId())
                .append("employee_id", "e-legacy").append("employee_user_id", LEGACY_USER).append("week", "2025-W36")
                .append("period_start", "2025-09-01").append("gross_pay", 220.0));
    }

    @Test
    void everyListAndDetailEndpointAnswersForeignDocuments() {
        List<String> profiles = get(admin(), "/api/payroll/employees").then().statusCode(200)
                .body("id", hasItems(LEGACY_PROFILE.toHexString(), "e-odd")).extract().path("id");
        for (String id : profiles) {
            get(admin(), "/api/payroll/employees/" + id).then().statusCode(200);
            get(admin(), "/api/payroll/employees/" + id + "/pay-summary").then().statusCode(200);
        }
        get(admin(), "/api/payroll/employees?active=true").then().statusCode(200)
                .body("id", hasItems(LEGACY_PROFILE.toHexString(), "e-odd"));
        get(PayrollApi.employee(LEGACY_USER), "/api/payroll/employees/me").then().statusCode(200);

        List<String> leaves = get(admin(), "/api/payroll/leave-requests").then().statusCode(200)
                .body("id", hasItems(LEGACY_LEAVE.toHexString(), "l-unknown", "l-status")).extract().path("id");
        leaves.forEach(id -> get(admin(), "/api/payroll/leave-requests/" + id).then().statusCode(200));
        get(PayrollApi.employee(LEGACY_USER), "/api/payroll/leave-requests").then().statusCode(200);

        List<String> sheets = get(admin(), "/api/payroll/timesheets").then().statusCode(200)
                .body("id", hasItems("t-odd")).extract().path("id");
        sheets.forEach(id -> get(admin(), "/api/payroll/timesheets/" + id).then().statusCode(200));

        List<String> calculations = get(admin(), "/api/payroll/calculations").then().statusCode(200).extract().path("id");
        calculations.forEach(id -> get(admin(), "/api/payroll/calculations/" + id).then().statusCode(200));
    }

    @Test
    void foreignValuesAreMappedOrFlagged() {
        get(admin(), "/api/payroll/employees/" + LEGACY_PROFILE.toHexString()).then().statusCode(200)
                .body("active", equalTo(true)).body("version", equalTo(1))
                .body("leave_balances.annual", equalTo(76.0f)).body("leave_balances.personal", equalTo(7.5f))
                .body("hourly_rate", equalTo(27.5f));
        get(admin(), "/api/payroll/employees/e-odd").then().statusCode(200).body("hourly_rate", nullValue())
                .body("name", equalTo("7"));
        get(admin(), "/api/payroll/leave-requests/" + LEGACY_LEAVE.toHexString()).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("leave_type", equalTo("ANNUAL"))
                .body("hours", equalTo(15.2f)).body("end_date", equalTo("2025-09-02"));
        get(admin(), "/api/payroll/leave-requests/l-unknown").then().statusCode(200)
                .body("status", equalTo("UNRECOGNISED")).body("leave_type", nullValue());
        get(admin(), "/api/payroll/leave-requests/l-status").then().statusCode(200).body("status", equalTo("UNRECOGNISED"));
        get(admin(), "/api/payroll/timesheets/t-odd").then().statusCode(200).body("status", equalTo("UNRECOGNISED"))
                .body("period_start", nullValue());
    }

    @Test
    void unrecognisedRecordsAreNeverDecided() {
        String manager = PayrollApi.manager("manager-" + ObjectId.get());
        PayrollApi.post(manager, "/api/payroll/leave-requests/l-unknown/approve").then().statusCode(409);
        PayrollApi.post(manager, "/api/payroll/leave-requests/l-status/cancel").then().statusCode(409);
        PayrollApi.post(manager, "/api/payroll/timesheets/t-odd/approve").then().statusCode(409);
    }
}
