package com.misty.testkit;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.misty.testkit.ServiceConformance.KAFKA_CHECK;
import static com.misty.testkit.ServiceConformance.MONGODB_CHECK;
import static com.misty.testkit.ServiceConformance.SIGNING_KEYS_CHECK;

/**
 * The boot checks every MongoDB-backed service runs: ready with MongoDB, Kafka and the signing keys, OpenAPI served, unknown
 * routes and malformed JSON answered with problem+json. A service's test extends it and adds
 * {@code @QuarkusTest @WithTestResource(MistyTestInfrastructure.class)}.
 */
public abstract class ServiceConformanceTests {

    /** A path of this service that takes a JSON body by POST, to send malformed JSON to. */
    protected abstract String jsonPostPath();

    /**
     * A request an admin's token passes authentication for (any answer but 401), to check that this service
     * itself refuses revoked tokens. GET of {@link #authenticatedPath()} unless overridden.
     */
    protected int authenticatedRequestStatus(RequestSpecification request) {
        return request.when().get(authenticatedPath()).statusCode();
    }

    protected abstract String authenticatedPath();

    /** The revocation must reach every service within this time (issue 16). */
    private static final Duration REVOCATION_DEADLINE = Duration.ofSeconds(2);

    @Test
    void isReadyWithMongoKafkaAndSigningKeys() {
        ServiceConformance.assertReadyWith(MONGODB_CHECK, KAFKA_CHECK, SIGNING_KEYS_CHECK);
    }

    @Test
    void servesOpenApi() {
        ServiceConformance.assertOpenApiServed();
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblemJsonAndEveryPropertyIsSnakeCase() {
        ServiceConformance.assertEveryOperationDocumentsItsErrors();
    }

    @Test
    void refusalsAreCountedByTheirCode() {
        double before = ServiceMetrics.value("misty_problems_total", "status", "404", "code", "NOT_FOUND");
        ServiceConformance.assertUnknownRouteIsProblem(TestTokens.accessToken("u1", "admin"));
        // assertUnknownRouteIsProblem asks for two unknown routes
        double after = ServiceMetrics.value("misty_problems_total", "status", "404", "code", "NOT_FOUND");
        if (after != before + 2) {
            throw new AssertionError("misty_problems_total{status=404,code=NOT_FOUND} went from " + before + " to " + after);
        }
    }

    @Test
    void unknownRoutesAreProblemJson() {
        ServiceConformance.assertUnknownRouteIsProblem(TestTokens.accessToken("u1", "admin"));
    }

    @Test
    void malformedJsonIsProblemJson() {
        ServiceConformance.assertMalformedJsonIsProblem("POST", jsonPostPath(), TestTokens.accessToken("u1", "admin"));
    }

    /**
     * Access tokens go through the platform's parser that remembers verified tokens (the RSA check is the largest
     * cost of a simple request), not SmallRye's own: its {@code @Alternative} must win in every service. The
     * revocation tests below then prove a remembered token is still refused once revoked.
     */
    @Test
    void accessTokensAreCheckedByTheParserThatRemembersVerifiedOnes() throws ClassNotFoundException {
        Class<?> parserType = Class.forName("io.smallrye.jwt.auth.principal.JWTParser", false,
                Thread.currentThread().getContextClassLoader());
        Object parser = io.quarkus.arc.ClientProxy.unwrap(io.quarkus.arc.Arc.container().instance(parserType).get());
        if (!parser.getClass().getName().startsWith("com.misty.platform.security.RememberingJwtParser")) {
            throw new AssertionError("Access tokens are parsed by " + parser.getClass().getName());
        }
    }

    @Test
    void tokensOfARevokedUserAreRefusedHereWithinTwoSeconds() throws InterruptedException {
        String user = "revoked-" + UUID.randomUUID();
        Instant issued = Instant.now().minusSeconds(5);
        String token = TestTokens.builder(user, "admin").issuedAt(issued.getEpochSecond()).sign(TestTokens.privateKey());
        assertNotRefused(token, "before the revocation");

        AuthEvents.sessionsRevoked(user, issued.plusSeconds(1));
        assertRefusedWithin(token);
        String later = TestTokens.builder(user, "admin").issuedAt(issued.getEpochSecond() + 3)
                .sign(TestTokens.privateKey());
        assertNotRefused(later, "a token issued after the revocation");
    }

    @Test
    void aLoggedOutLoginIsRefusedHereWhileTheUsersOtherLoginWorks() throws InterruptedException {
        String user = "logged-out-" + UUID.randomUUID();
        String ended = TestTokens.builder(user, "admin").claim("sid", "login-a").sign(TestTokens.privateKey());
        String other = TestTokens.builder(user, "admin").claim("sid", "login-b").sign(TestTokens.privateKey());
        assertNotRefused(ended, "before the logout");

        AuthEvents.sessionEnded(user, "login-a", Instant.now().plusSeconds(1));
        assertRefusedWithin(ended);
        assertNotRefused(other, "the user's other login");
    }

    @Test
    void aDisabledServiceAccountsTokensAreRefusedHereWithinTwoSeconds() throws InterruptedException {
        String account = "service-account-" + UUID.randomUUID();
        String token = TestTokens.accessToken(account, "admin");
        assertNotRefused(token, "before the account was disabled");

        AuthEvents.serviceAccountRevoked(account, Instant.now().plusSeconds(1));
        assertRefusedWithin(token);
    }

    private void assertNotRefused(String token, String what) {
        int status = authenticatedRequestStatus(io.restassured.RestAssured.given().auth().oauth2(token));
        if (status == 401) {
            throw new AssertionError("Expected " + what + " to be accepted, got 401");
        }
    }

    private void assertRefusedWithin(String token) throws InterruptedException {
        long deadline = System.nanoTime() + REVOCATION_DEADLINE.toNanos();
        int status;
        do {
            status = authenticatedRequestStatus(io.restassured.RestAssured.given().auth().oauth2(token));
            if (status == 401) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("A revoked token was still accepted " + REVOCATION_DEADLINE.toMillis()
                + " ms after the revocation was published (last status " + status + ")");
    }
}
