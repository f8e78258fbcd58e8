package com.misty.systemtest.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.misty.systemtest.Response;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import com.misty.systemtest.SuiteClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Original Test 4 (token refresh) through the gateway: a user keeps working for longer than an access token lives
 * (20 s in the system tests), every request succeeding because the session refreshes, rotating its refresh token;
 * the first access token is refused once expired. Then an old refresh token presented again (after auth-service's
 * 10 s grace window) is reuse: auth-service revokes that login's whole token family and announces SessionsRevoked,
 * so the gateway refuses the user's earlier access tokens, while another login of the same user refreshes and
 * carries on, and the user can sign in again.
 */
@Order(26)
class TokenRefreshKeepsAUserWorkingTest {

    private final PlanCrew crew = PlanCrew.get();
    private final SuiteClient client = crew.suite.client();

    @Test
    void aUserKeepsWorkingPastAccessTokenExpiryAndAReusedRefreshTokenEndsThatLogin() {
        Session user = PlanCrew.newUser(crew.suite, crew.admin, "production");
        Session otherLogin = client.login(user.username(), user.password());
        String firstAccessToken = user.accessToken();
        String firstRefreshToken = user.refreshToken();
        Instant firstExpiry = expiryOf(firstAccessToken);

        // Work in a loop past the first token's expiry (and its 1 s of tolerated clock skew).
        Instant workUntil = firstExpiry.plusSeconds(3);
        int requests = 0;
        while (Instant.now().isBefore(workUntil)) {
            user.get("/api/auth/me").expect(200);
            user.get("/api/stock?size=1").expect(200);
            requests += 2;
            Eventually.pause(500);
        }

        assertThat(requests).isGreaterThan(2 * (int) RunningSuite.ACCESS_TOKEN_LIFETIME.toSeconds());
        assertThat(user.refreshes()).as("refreshed at half-life, more than once").isGreaterThanOrEqualTo(2);
        assertThat(user.refreshToken()).as("refresh tokens rotate").isNotEqualTo(firstRefreshToken);
        Response expired = client.send("GET", "/api/stock?size=1", firstAccessToken, null, Map.of()).expect(401);
        assertThat(expired.isProblem()).isTrue();
        assertThat(expired.header("WWW-Authenticate").orElse("")).contains("invalid_token");
        client.send("GET", "/api/auth/me", firstAccessToken, null, Map.of()).expect(401);

        // Reuse: the first refresh token was rotated more than the 10 s grace window ago.
        user.refresh();
        String accessBeforeReuse = user.accessToken();
        Response reused = refresh(firstRefreshToken).expect(401);
        Instant revokedAt = Instant.now();
        assertThat(reused.isProblem()).isTrue();
        assertThat(reused.field("code").asText()).isEqualTo("REFRESH_TOKEN_REUSED");

        // The whole family of that login is revoked: its newest refresh token is refused too.
        assertThat(refresh(user.refreshToken()).expect(401).field("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        // SessionsRevoked reaches the gateway: the user's access tokens issued before it are refused while unexpired.
        Eventually.until("gateway refuses access tokens issued before the reuse",
                () -> client.send("GET", "/api/stock?size=1", accessBeforeReuse, null, Map.of()),
                r -> r.status() == 401);
        assertThat(Instant.now()).as("refused by the revocation, not by expiry").isBefore(expiryOf(accessBeforeReuse));

        // Another login of the same user keeps its refresh token; tokens minted after the revocation's second pass.
        waitUntil(revokedAt.plusMillis(1100));
        otherLogin.refresh();
        otherLogin.get("/api/stock?size=1").expect(200);
        assertThat(client.login(user.username(), user.password()).get("/api/auth/me").expect(200)
                .field("id").asText()).isEqualTo(user.userId());
    }

    private Response refresh(String refreshToken) {
        return client.send("POST", "/api/auth/refresh", null, SuiteClient.json(Map.of("refresh_token", refreshToken)),
                Map.of());
    }

    private static Instant expiryOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return Instant.ofEpochSecond(new ObjectMapper().readTree(payload).get("exp").asLong());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JWT payload: " + payload, e);
        }
    }

    private static void waitUntil(Instant moment) {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Eventually.pause(millis);
        }
    }
}
