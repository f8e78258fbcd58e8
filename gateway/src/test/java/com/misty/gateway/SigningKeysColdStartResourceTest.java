package com.misty.gateway;

import com.misty.gateway.support.AuthDownAtStartStubs;
import com.misty.gateway.support.Stubs;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The gateway started before auth-service (a NAS reboot, a rolling deploy): not ready and answering a good token
 * with 503 + Retry-After (never 401, which would sign a UI's user out) until the signing keys are loaded; ready and
 * accepting the same token as soon as auth-service is up, without waiting out the refetch interval; a bad token
 * is 401 in every state.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(AuthDownAtStartStubs.class)
class SigningKeysColdStartResourceTest {

    private static final String PATH = "/api/stock";

    @Test
    void notReadyAndNever401UntilTheKeysLoadThenReadyAndAcceptingAtOnce() {
        String good = TokenRejectionResourceTest.withKid(TestTokens.builder("early-user", "manager"));
        long now = Instant.now().getEpochSecond();
        String expired = TokenRejectionResourceTest.withKid(
                TestTokens.builder("early-user", "manager").issuedAt(now - 7200).expiresAt(now - 120));
        String otherAudience = TokenRejectionResourceTest.withKid(
                TestTokens.builder("early-user", "manager").audience("another-suite"));

        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'Signing keys loaded' }.status", equalTo("DOWN"));
        // Several requests, spread over more than the refetch interval of the test profile (5 s is too long to
        // wait here; a second is enough to show each one gets its own immediate fetch, none a 401).
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(good).when().get(PATH)
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "2")
                    .body("code", equalTo("SIGNING_KEYS_UNAVAILABLE"));
            assertBad(expired);
            assertBad(otherAudience);
            assertBad("not.a.jwt");
            pause(Duration.ofMillis(200));
        }

        int fetchesBefore = Stubs.jwksFetches();
        Stubs.start("auth");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200)
                        .body("checks.name", hasItem("Signing keys loaded")));
        given().auth().oauth2(good).when().get(PATH).then().statusCode(200);
        assertBad(expired);
        assertBad(otherAudience);
        assertBad(TokenRejectionResourceTest.withKid(TestTokens.builder("early-user", "manager").issuer("https://evil")));
        org.assertj.core.api.Assertions.assertThat(Stubs.jwksFetches() - fetchesBefore)
                .as("JWKS fetches once auth-service answered (the startup retry, nothing per request)")
                .isBetween(1, 2);
    }

    private static void assertBad(String token) {
        given().auth().oauth2(token).when().get(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("code", equalTo("UNAUTHORIZED"));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
