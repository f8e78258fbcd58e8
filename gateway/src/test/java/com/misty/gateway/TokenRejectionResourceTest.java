package com.misty.gateway;

import com.misty.contracts.Topics;
import com.misty.contracts.auth.ServiceAccountRevoked;
import com.misty.contracts.auth.SessionEnded;
import com.misty.contracts.auth.SessionsRevoked;
import com.misty.contracts.auth.UserRoleChanged;
import com.misty.contracts.auth.UserDeactivated;
import com.misty.gateway.support.DownstreamStubs;
import com.misty.gateway.support.NewSigningKey;
import com.misty.gateway.support.StubServices;
import com.misty.gateway.support.Stubs;
import com.misty.gateway.support.SuiteEvents;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Every way a token can be wrong ends in 401 problem+json with a Bearer challenge, before any service is called. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class TokenRejectionResourceTest {

    /** Issue 16: a revocation reaches the gateway within two seconds of its publication. */
    private static final Duration REVOCATION_DEADLINE = Duration.ofSeconds(2);

    private static final String PATH = "/api/payroll/timesheets";

    @Test
    void noTokenGetsABareChallenge() {
        given().when().get(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void aValidTokenWithOrWithoutKidPasses() {
        given().auth().oauth2(withKid(TestTokens.builder("valid-user", "employee"))).when().get(PATH)
                .then().statusCode(200);
        // Without a kid, the single published key is the only candidate.
        given().auth().oauth2(TestTokens.accessToken("valid-user", "employee")).when().get(PATH)
                .then().statusCode(200);
    }

    @Test
    void malformedTokensAreRefused() {
        for (String token : new String[] {"abc", "not.a.jwt", "a.b.c", "%%%.###.!!!", "eyJhbGciOiJSUzI1NiJ9..", "x".repeat(9000)}) {
            assertInvalid(token);
        }
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get(PATH)
                .then().statusCode(401).header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void expiredTokenIsRefused() {
        long now = Instant.now().getEpochSecond();
        assertInvalid(withKid(TestTokens.builder("expired-user", "admin").issuedAt(now - 7200).expiresAt(now - 120)));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPair other = NewSigningKey.rsaKeyPair();
        assertInvalid(TestTokens.builder("forger", "admin").jws().keyId(StubServices.TEST_KID).sign(other.getPrivate()));
        assertInvalid(TestTokens.builder("forger", "admin").sign(other.getPrivate()));
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = withKid(TestTokens.builder("employee-7", "employee")).split("\\.");
        String elevated = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"employee\"", "\"admin\""));
        assertInvalid(parts[0] + "." + elevated + "." + parts[2]);
    }

    @Test
    void algNoneIsRefused() {
        String payload = withKid(TestTokens.builder("none-user", "admin")).split("\\.")[1];
        assertInvalid(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".");
        assertInvalid(b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + StubServices.TEST_KID + "\"}") + "." + payload + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        // The classic confusion attack: the public key, known to everyone, used as an HMAC secret.
        String payload = withKid(TestTokens.builder("hmac-user", "admin")).split("\\.")[1];
        String signingInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + StubServices.TEST_KID + "\"}") + "." + payload;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Files.readAllBytes(TestTokens.publicKeyFile()), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        assertInvalid(signingInput + "." + signature);
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() {
        assertInvalid(withKid(TestTokens.builder("iss-user", "admin").issuer("https://evil.example")));
        assertInvalid(withKid(TestTokens.builder("aud-user", "admin").audience("another-suite")));
    }

    @Test
    void onlyAccessTokensAreAccepted() {
        assertInvalid(withKid(TestTokens.builder("refresh-user", "admin").claim("token_use", "refresh")));
        assertInvalid(withKid(TestTokens.builder("no-use-user", "admin").remove("token_use")));
    }

    @Test
    void tokenInQueryOrCookieIsOnlyAcceptedOnTheEventStream() {
        String token = TestTokens.accessToken("query-user", "admin");
        given().queryParam("access_token", token).when().get(PATH).then().statusCode(401);
        given().cookie("misty_access_token", token).when().get(PATH).then().statusCode(401);
    }

    @Test
    void revokedSessionsAreRefusedUntilANewTokenIsIssued() {
        String user = "revoked-" + UUID.randomUUID();
        String other = "bystander-" + UUID.randomUUID();
        long issued = Instant.now().getEpochSecond() - 10;
        String before = withKid(TestTokens.builder(user, "employee").issuedAt(issued));
        String bystander = withKid(TestTokens.builder(other, "employee").issuedAt(issued));
        given().auth().oauth2(before).when().get(PATH).then().statusCode(200);

        Instant revokedAt = Instant.now();
        SuiteEvents.publish(Topics.AUTH_EVENTS, user, new SessionsRevoked(user, revokedAt, "logout-all"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertInvalid(before));
        given().auth().oauth2(bystander).when().get(PATH).then().statusCode(200);
        String after = withKid(TestTokens.builder(user, "employee").issuedAt(revokedAt.getEpochSecond() + 1));
        given().auth().oauth2(after).when().get(PATH).then().statusCode(200);
    }

    @Test
    void deactivatedUsersTokensAreRefused() {
        String user = "deactivated-" + UUID.randomUUID();
        String token = withKid(TestTokens.builder(user, "manager").issuedAt(Instant.now().getEpochSecond() - 5));
        given().auth().oauth2(token).when().get("/api/orders").then().statusCode(200);
        SuiteEvents.publish(Topics.AUTH_EVENTS, user, new UserDeactivated(user, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertInvalid(token, "/api/orders"));
    }

    @Test
    void aLoggedOutLoginIsRefusedWithinTwoSecondsWhileTheUsersOtherLoginWorks() {
        String user = "logged-out-" + UUID.randomUUID();
        long issued = Instant.now().getEpochSecond() - 5;
        String ended = withKid(TestTokens.builder(user, "employee").claim("sid", "login-a").issuedAt(issued));
        String other = withKid(TestTokens.builder(user, "employee").claim("sid", "login-b").issuedAt(issued));
        given().auth().oauth2(ended).when().get(PATH).then().statusCode(200);
        SuiteEvents.publish(Topics.AUTH_EVENTS, user, new SessionEnded(user, "login-a", Instant.now()));
        await().atMost(REVOCATION_DEADLINE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertInvalid(ended));
        given().auth().oauth2(other).when().get(PATH).then().statusCode(200);
    }

    @Test
    void aRoleChangeRefusesTheTokensCarryingTheOldRoleWithinTwoSeconds() {
        String user = "demoted-" + UUID.randomUUID();
        String token = withKid(TestTokens.builder(user, "admin").issuedAt(Instant.now().getEpochSecond() - 5));
        given().auth().oauth2(token).when().get(PATH).then().statusCode(200);
        SuiteEvents.publish(Topics.AUTH_EVENTS, user, new UserRoleChanged(user, "employee", "admin"));
        await().atMost(REVOCATION_DEADLINE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertInvalid(token));
    }

    @Test
    void aDisabledServiceAccountsTokensAreRefusedWithinTwoSeconds() {
        String account = "robot-" + UUID.randomUUID();
        String token = withKid(TestTokens.builder(account, "production").issuedAt(Instant.now().getEpochSecond() - 5));
        given().auth().oauth2(token).when().get("/api/stock").then().statusCode(200);
        SuiteEvents.publish(Topics.AUTH_EVENTS, account, new ServiceAccountRevoked(account, Instant.now(), "disabled"));
        await().atMost(REVOCATION_DEADLINE).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertInvalid(token, "/api/stock"));
    }

    @Test
    void revocationsPublishedBeforeTheGatewayStartedAreKnown() {
        String user = DownstreamStubs.REVOKED_BEFORE_BOOT;
        assertInvalid(withKid(TestTokens.builder(user, "employee").issuedAt(Instant.now().getEpochSecond() - 600)));
        given().auth().oauth2(withKid(TestTokens.builder(user, "employee").issuedAt(Instant.now().getEpochSecond() + 1)))
                .when().get(PATH).then().statusCode(200);
    }

    @Test
    void unknownKidsRefetchTheKeySetAtMostOncePerInterval() {
        List<String> flood = IntStream.range(0, 25)
                .mapToObj(i -> TestTokens.builder("kid-user", "admin").jws().keyId("random-" + UUID.randomUUID())
                        .sign(TestTokens.privateKey()))
                .toList();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
            // Start right after a fetch, so the whole flood falls inside one refetch interval.
            int before = Stubs.jwksFetches();
            assertInvalid(TestTokens.builder("kid-user", "admin").jws().keyId("random-" + UUID.randomUUID())
                    .sign(TestTokens.privateKey()));
            return Stubs.jwksFetches() == before + 1;
        });
        int afterFirst = Stubs.jwksFetches();
        flood.forEach(TokenRejectionResourceTest::assertInvalid);
        assertThat(Stubs.jwksFetches()).isLessThanOrEqualTo(afterFirst + 1);
    }

    @Test
    void aNewlyPublishedKeyIsPickedUpByItsKid() {
        String token = NewSigningKey.publishAndSign("rotated-", "rotation-user", "admin");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/stock").then().statusCode(200));
    }

    private static void assertInvalid(String token) {
        assertInvalid(token, PATH);
    }

    private static void assertInvalid(String token, String path) {
        given().header("Authorization", "Bearer " + token).when().get(path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("code", equalTo("UNAUTHORIZED"));
    }

    static String withKid(JwtClaimsBuilder builder) {
        return builder.jws().keyId(StubServices.TEST_KID).sign(TestTokens.privateKey());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}
