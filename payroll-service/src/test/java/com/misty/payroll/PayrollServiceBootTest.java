package com.misty.payroll;

import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.ServiceConformanceTests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

/** The service boots against the real broker and the MongoDB stand-in, reports ready and answers problem+json. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class PayrollServiceBootTest extends ServiceConformanceTests {

    @Override
    protected String jsonPostPath() {
        return "/api/payroll/leave-requests";
    }

    @Test
    void openApiDocumentsThePayrollEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/payroll/leave-requests/{id}/approve"))
                .body("paths", hasKey("/api/payroll/timesheets/{id}/approve"))
                .body("paths", hasKey("/api/payroll/employees/{id}/pay-summary"))
                .body("paths", hasKey("/api/payroll/calculations"));
    }

    @Override
    protected String authenticatedPath() {
        return "/api/payroll/timesheets";
    }
}
