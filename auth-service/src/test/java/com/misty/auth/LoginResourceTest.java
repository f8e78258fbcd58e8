package com.misty.auth;

import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.ServiceMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.misty.auth.AuthApi.PASSWORD;
import static com.misty.auth.AuthApi.createUser;
import static com.misty.auth.AuthApi.freshAddress;
import static com.misty.auth.AuthApi.from;
import static com.misty.auth.AuthApi.jwtPart;
import static com.misty.auth.AuthApi.login;
import static com.misty.auth.AuthApi.session;
import static com.misty.auth.AuthApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Password login through HTTP: the token it issues, the bootstrap admin, failures, throttling. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class LoginResourceTest {

    @Test
    void bootstrapAdminLogsInWithTheConfiguredPassword() {
        login("admin", System.getenv("MISTY_ADMIN_BOOTSTRAP_PASSWORD")).then().statusCode(200)
                .body("user.username", equalTo("admin"))
                .body("user.role", equalTo("admin"));
    }

    @Test
    void loginReturnsTheOriginalShapeAndAnAccessTokenWithTheSuiteClaims() {
        String username = uniqueName("Lena");
        String id = createUser(username, "manager");

        Map<String, Object> body = login(username, PASSWORD).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(8 * 3600))
                .body("refresh_token", notNullValue())
                .body("user.id", equalTo(id))
                .body("user.username", equalTo(username))
                .body("user.role", equalTo("manager"))
                .extract().as(Map.class);

        String accessToken = (String) body.get("access_token");
        Map<String, Object> header = jwtPart(accessToken, 0);
        Map<String, Object> claims = jwtPart(accessToken, 1);
        assertThat(header).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(claims).containsEntry("iss", "https://auth.misty.local")
                .containsEntry("sub", id)
                .containsEntry("upn", username)
                .containsEntry("token_use", "access")
                .containsKeys("jti", "iat", "exp", "sid");
        assertThat(claims.get("aud").toString()).contains("misty-suite");
        assertThat((List<String>) claims.get("groups")).containsExactly("manager");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(8 * 3600);
        // The refresh token is opaque (not a JWT) and carries 256 bits.
        assertThat((String) body.get("refresh_token")).doesNotContain(".").hasSize(43);

        given().auth().oauth2(accessToken).when().get("/api/auth/me").then().statusCode(200)
                .body("id", equalTo(id)).body("username", equalTo(username));
    }

    @Test
    void usernamesAreCaseInsensitive() {
        String username = uniqueName("MixedCase");
        createUser(username, "employee");
        login(username.toUpperCase(), PASSWORD).then().statusCode(200).body("user.username", equalTo(username));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String username = uniqueName("victim");
        createUser(username, "employee");

        Response wrongPassword = login(username, "not-the-password-1");
        Response unknownUser = login(uniqueName("nobody"), "not-the-password-1");

        for (Response response : List.of(wrongPassword, unknownUser)) {
            response.then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_CREDENTIALS"))
                    .body("detail", equalTo("Incorrect username or password"));
        }
        assertThat(wrongPassword.asString()).isEqualTo(unknownUser.asString());
    }

    @Test
    void twentyWrongPasswordsLockTheAccountForThatAddressWhileAnotherUserThereStillSignsIn() {
        String address = freshAddress();
        String target = uniqueName("target");
        String colleague = uniqueName("colleague");
        createUser(target, "employee");
        createUser(colleague, "employee");
        List<Integer> statuses = new java.util.ArrayList<>();
        double failures = ServiceMetrics.value("misty_auth_signin_failures_total");
        double lockouts = ServiceMetrics.value("misty_auth_lockouts_total", "scope", "account_at_address");
        for (int i = 0; i < 20; i++) {
            statuses.add(login(target, "wrong-password-" + i, address).statusCode());
        }
        // Five failures are tolerated for the pair; the sixth locks it; the rest are refused unchecked.
        assertThat(statuses.subList(0, 6)).containsOnly(401);
        assertThat(statuses.subList(6, 20)).containsOnly(429);
        assertThat(ServiceMetrics.value("misty_auth_signin_failures_total")).isEqualTo(failures + 6);
        assertThat(ServiceMetrics.value("misty_auth_lockouts_total", "scope", "account_at_address")).isEqualTo(lockouts + 1);

        Response refused = login(target, PASSWORD, address);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));
        // Honest: the test profile's first lockout is 60 s, and some of it has passed.
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(30, 60);
        assertThat(refused.jsonPath().getLong("retry_after")).isEqualTo(Long.parseLong(refused.header("Retry-After")));

        login(colleague, PASSWORD, address).then().statusCode(200);
        login(target, PASSWORD, freshAddress()).then().statusCode(200); // the owner elsewhere is not locked out
    }

    @Test
    void guessesSpreadOverManyAddressesLockTheAccountEverywhere() {
        String username = uniqueName("spread");
        createUser(username, "employee");
        // The test profile tolerates 10 failures per account from any addresses.
        for (int i = 0; i < 11; i++) {
            login(username, "wrong-password-" + i, freshAddress()).then().statusCode(401);
        }
        Response refused = login(username, PASSWORD, freshAddress());
        refused.then().statusCode(429).body("code", equalTo("TOO_MANY_ATTEMPTS"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
    }

    @Test
    void unknownUsernamesAreThrottledLikeRealOnes() {
        String username = uniqueName("ghost");
        String address = freshAddress();
        for (int i = 0; i < 6; i++) {
            login(username, "wrong-password-" + i, address).then().statusCode(401);
        }
        login(username, "wrong-password-x", address).then().statusCode(429);
    }

    @Test
    void sprayingFromOneAddressHitsTheAddressCeiling() {
        String address = freshAddress();
        String innocent = uniqueName("innocent");
        createUser(innocent, "employee");
        // The test profile tolerates 12 failures per address; each guess uses another username.
        for (int i = 0; i < 13; i++) {
            login(uniqueName("spray"), "wrong-password-1", address).then().statusCode(401);
        }
        login(innocent, PASSWORD, address).then().statusCode(429).header("Retry-After", notNullValue());
        login(innocent, PASSWORD, freshAddress()).then().statusCode(200);
    }

    @Test
    void manySuccessfulSignInsFromOneAddressAreNeverThrottled() {
        String address = freshAddress();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String name = uniqueName("office");
            createUser(name, "employee");
            names.add(name);
        }
        for (String name : names) {
            login(name, PASSWORD, address).then().statusCode(200);
        }
    }

    @Test
    void wrongCurrentPasswordsCountTowardTheAccountsLockout() {
        String username = uniqueName("stolen");
        createUser(username, "employee");
        String address = freshAddress();
        String token = (String) session(username).get("access_token");
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(from(address).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("current_password", "guess-" + i, "new_password", "Another-long-pass-123"))
                    .when().post("/api/auth/password").statusCode());
        }
        assertThat(statuses.subList(0, 6)).containsOnly(400);
        assertThat(statuses.subList(6, 12)).containsOnly(429);
        // The same account signing in from that address is locked too: one counter for both doors.
        login(username, PASSWORD, address).then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void deactivatedUserCannotLogIn() {
        String username = uniqueName("leaver");
        String id = createUser(username, "employee");
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("active", false, "version", 1))
                .when().patch("/api/auth/users/" + id).then().statusCode(200).body("active", equalTo(false));

        login(username, PASSWORD).then().statusCode(403).body("code", equalTo("ACCOUNT_DISABLED"));
        login(username, "wrong-password-1").then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
    }

    @Test
    void badLoginBodiesAre400Problems() {
        given().contentType(ContentType.JSON).body("{\"username\": \"a\"}").when().post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"username\": \"a\", \"password\": \"b\", \"extra\": 1}")
                .when().post("/api/auth/login").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"broken\": ").when().post("/api/auth/login")
                .then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
    }
}
