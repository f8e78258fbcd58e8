package com.misty.payroll.rest;

import com.misty.payroll.PayrollApi;
import com.misty.testkit.OwnDatabase;
import com.mongodb.client.MongoClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.misty.payroll.PayrollApi.admin;
import static com.misty.payroll.PayrollApi.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The original's payroll records through the admin import: mapped, kept by id, idempotent, dry run writes nothing. */
@QuarkusTest
@WithTestResource(value = OwnDatabase.class, initArgs = @ResourceArg(name = "database", value = "payroll_import"))
class PayrollImportResourceTest {

    @Inject
    MongoClient mongo;

    @Test
    void importsMapTheOriginalsFieldsKeepIdsAndAreIdempotent() {
        Map<String, Object> body = new HashMap<>(Map.of(
                "employees", List.of(Map.of("id", "emp-1", "user_id", "user-1", "name", "Ada Old", "hourly_rate", 31.25,
                        "standard_weekly_hours", 38, "annual_leave_balance", 70.5, "sick_leave_balance", 40,
                        "personal_leave_balance", 8, "legacy_grade", "B")),
                "leave_requests", List.of(
                        Map.of("id", "leave-1", "employee_id", "emp-1", "employee_user_id", "user-1", "leave_type", "annual",
                                "start_date", "2025-09-01", "end_date", "2025-09-02", "hours_requested", 15.2,
                                "status", "approved", "reason", "holiday"),
                        Map.of("id", "leave-2", "employee_id", "emp-1", "leave_type", "sabbatical", "status", "pending",
                                "start_date", "2025-10-01", "end_date", "2025-10-01", "hours_requested", 8)),
                // Stored without employee_user_id (as the original did): linked through the profile.
                "timesheets", List.of(Map.of("id", "ts-1", "employee_id", "emp-1",
                        "week_starting", "2025-09-08", "status", "submitted",
                        "entries", List.of(Map.of("date", "2025-09-08", "hours", 7.5))))));

        long before = documents();
        importing(with(body, "dry_run", true)).statusCode(200).body("imported", equalTo(3)).body("rejected", equalTo(1));
        assertThat(documents()).as("a dry run writes nothing").isEqualTo(before);

        importing(body).statusCode(200).body("records", equalTo(4)).body("imported", equalTo(3))
                .body("rejected", equalTo(1)).body("outcomes[2].id", equalTo("leave-2"))
                .body("outcomes[2].outcome", equalTo("REJECTED"))
                .body("unmapped_fields.employee_profiles.legacy_grade", equalTo(1))
                .body("unmapped_fields.timesheets.size()", equalTo(0));
        get(admin(), "/api/payroll/employees/emp-1").then().statusCode(200).body("version", equalTo(1))
                .body("active", equalTo(true)).body("leave_balances.annual", equalTo(70.5f))
                .body("leave_balances.sick", equalTo(40)).body("hourly_rate", equalTo(31.25f));
        get(admin(), "/api/payroll/leave-requests/leave-1").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("leave_type", equalTo("ANNUAL")).body("hours", equalTo(15.2f));
        get(admin(), "/api/payroll/timesheets/ts-1").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("week", equalTo("2025-W37")).body("total_hours", equalTo(7.5f))
                .body("employee_user_id", equalTo("user-1"));

        long after = documents();
        importing(body).statusCode(200).body("imported", equalTo(0)).body("already_present", equalTo(3));
        assertThat(documents()).as("a second run changes nothing").isEqualTo(after);
        get(admin(), "/api/payroll/employees/emp-1").then().body("version", equalTo(1));
    }

    @Test
    void onlyAnAdminImportsAndBadBalanceFieldsAreRefused() {
        given().auth().oauth2(PayrollApi.manager("m-1")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/payroll/import").then().statusCode(403);
        importing(Map.of("balance_fields", Map.of("holiday", "x"))).statusCode(400)
                .body("code", equalTo("INVALID_BALANCE_FIELDS"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static ValidatableResponse importing(Object body) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).post("/api/payroll/import").then();
    }

    private long documents() {
        var db = mongo.getDatabase("payroll_import");
        return db.getCollection("employee_profiles").countDocuments() + db.getCollection("leave_requests").countDocuments()
                + db.getCollection("timesheets").countDocuments();
    }
}
