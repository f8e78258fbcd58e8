package com.misty.gateway;

import com.misty.gateway.support.DownstreamStubs;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Browser-facing headers on every route group, whatever answered: a service, the pipeline, or nobody. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class SecurityHeadersResourceTest {

    @Test
    void everyRouteGroupCarriesNosniffNoReferrerAndNoFraming() {
        String token = TestTokens.accessToken("header-user", "admin");
        List<Response> answers = List.of(
                given().auth().oauth2(token).when().get("/api/stock"),
                given().auth().oauth2(token).when().get("/api/orders"),
                given().auth().oauth2(token).when().get("/api/payroll/timesheets"),
                given().auth().oauth2(token).when().get("/api/auth/users"),
                given().contentType("application/json").body("{\"username\":\"u\",\"password\":\"p\"}")
                        .when().post("/api/auth/refresh"),
                given().when().get("/api/auth/jwks"),
                given().when().get("/api/stock"),
                given().when().get("/no/such/page"),
                given().when().get("/q/health/live"));
        for (Response answer : answers) {
            assertThat(answer.header("X-Content-Type-Options")).as(answer.statusLine()).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(answer.statusLine()).isEqualTo("no-referrer");
            assertThat(answer.header("Content-Security-Policy")).as(answer.statusLine()).contains("frame-ancestors 'none'");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Strict-Transport-Security")).as("HSTS is off unless the operator turns it on")
                    .isNull();
        }
    }

    @Test
    void answersThatMayCarryTokensAreNeverStored() {
        String token = TestTokens.accessToken("header-user", "admin");
        for (Response answer : List.of(
                given().contentType("application/json").body("{\"refresh_token\":\"x\"}").when().post("/api/auth/refresh"),
                given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                        .when().post("/api/auth/token"),
                given().auth().oauth2(token).when().get("/api/auth/me"))) {
            assertThat(answer.header("Cache-Control")).as(answer.statusLine()).isEqualTo("no-store");
        }
        assertThat(given().when().get("/api/auth/jwks").header("Cache-Control")).isNotEqualTo("no-store");
    }
}
