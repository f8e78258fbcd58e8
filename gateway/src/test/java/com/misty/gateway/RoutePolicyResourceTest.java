package com.misty.gateway;

import com.misty.gateway.support.DownstreamStubs;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The coarse role policy in front of the services (403 problem+json, the service is never called). */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class RoutePolicyResourceTest {

    @ParameterizedTest
    @CsvSource({
            "employee, GET, /api/payroll/timesheets, 200",
            "employee, GET, /api/auth/me, 200",
            "employee, POST, /api/auth/logout, 200",
            "employee, POST, /api/auth/logout-all, 200",
            "employee, POST, /api/auth/password, 200",
            "employee, GET, /api/stock, 403",
            "employee, POST, /api/orders, 403",
            "employee, GET, /api/auth/users, 403",
            "production, GET, /api/stock/s-1, 200",
            "production, POST, /api/orders, 200",
            "production, GET, /api/payroll/timesheets, 200",
            "production, GET, /api/auth/users, 403",
            "manager, GET, /api/stock, 200",
            "manager, GET, /api/payroll/leave-requests, 200",
            "manager, GET, /api/auth/users, 403",
            "admin, GET, /api/auth/users, 200",
            "admin, POST, /api/stock/adjustments, 200",
            "nobody, GET, /api/payroll/timesheets, 403",
            "nobody, GET, /api/auth/me, 200"})
    void rolesReachOnlyTheirAreas(String role, String method, String path, int status) {
        String token = TestTokens.accessToken("policy-" + UUID.randomUUID(), role);
        var response = given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().request(method, path)
                .then().statusCode(status);
        if (status == 403) {
            response.contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        } else {
            response.body("path", equalTo(path));
        }
    }
}
