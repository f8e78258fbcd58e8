package com.misty.auth;

import com.misty.auth.domain.RefreshTokens;
import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.ServiceMetrics;
import com.mongodb.client.MongoClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.misty.auth.AuthApi.PASSWORD;
import static com.misty.auth.AuthApi.awaitEvents;
import static com.misty.auth.AuthApi.createUser;
import static com.misty.auth.AuthApi.refresh;
import static com.misty.auth.AuthApi.session;
import static com.misty.auth.AuthApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Refresh-token rotation through HTTP: a new pair on each refresh, reuse detection revoking the login, the
 * grace window for concurrent refreshes (the test profile's window is 3 s), and logout.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class RefreshResourceTest {

    @Inject
    MongoClient mongo;

    @Test
    void refreshRotatesBothTokens() {
        String username = uniqueName("rotor");
        String id = createUser(username, "production");
        Map<String, Object> first = session(username);
        String refreshToken = (String) first.get("refresh_token");

        Map<String, Object> second = refresh(refreshToken).then().statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("user.id", equalTo(id))
                .body("refresh_token", not(equalTo(refreshToken)))
                .body("access_token", not(equalTo(first.get("access_token"))))
                .extract().as(Map.class);
        given().auth().oauth2((String) second.get("access_token")).when().get("/api/auth/me")
                .then().statusCode(200).body("id", equalTo(id));
        refresh((String) second.get("refresh_token")).then().statusCode(200);

        Document stored = mongo.getDatabase("auth").getCollection("refresh_tokens")
                .find(new Document("_id", RefreshTokens.hash(refreshToken))).first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(refreshToken);
    }

    @Test
    void reusingARotatedTokenAfterTheGraceWindowRevokesTheWholeLogin() throws InterruptedException {
        String username = uniqueName("stolen");
        String id = createUser(username, "employee");
        String original = (String) session(username).get("refresh_token");
        String otherDevice = (String) session(username).get("refresh_token");
        String successor = refresh(original).then().statusCode(200).extract().path("refresh_token");
        double detections = ServiceMetrics.value("misty_auth_refresh_reuse_detections_total");
        double revocations = ServiceMetrics.value("misty_auth_revocations_total", "reason", "refresh_token_reuse");

        Thread.sleep(3_500);
        refresh(original).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("REFRESH_TOKEN_REUSED"));
        assertThat(ServiceMetrics.value("misty_auth_refresh_reuse_detections_total")).isEqualTo(detections + 1);
        assertThat(ServiceMetrics.value("misty_auth_revocations_total", "reason", "refresh_token_reuse"))
                .isEqualTo(revocations + 1);
        // The legitimate holder's successor belongs to the revoked login too.
        refresh(successor).then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
        // Another login of the same user is a different family and survives.
        refresh(otherDevice).then().statusCode(200);

        assertThat(awaitEvents(id, "SessionsRevoked")).anySatisfy(r ->
                assertThat(r.value()).contains("refresh_token_reuse"));
    }

    @Test
    void concurrentRefreshesOfOneTokenWithinTheGraceWindowAllGetTheSameSuccessor() {
        String username = uniqueName("tabs");
        createUser(username, "employee");
        String token = (String) session(username).get("refresh_token");

        List<Response> responses = Concurrently.run(6, i -> () -> refresh(token));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        List<String> successors = responses.stream().map(r -> r.jsonPath().getString("refresh_token")).distinct().toList();
        assertThat(successors).hasSize(1);
        refresh(successors.get(0)).then().statusCode(200);
    }

    @Test
    void aSequentialRepeatWithinTheGraceWindowReturnsTheSameSuccessor() {
        String username = uniqueName("retry");
        createUser(username, "employee");
        String token = (String) session(username).get("refresh_token");
        String first = refresh(token).then().statusCode(200).extract().path("refresh_token");
        String second = refresh(token).then().statusCode(200).extract().path("refresh_token");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void unknownMalformedAndAccessTokensAreRefused() {
        String username = uniqueName("forger");
        createUser(username, "employee");
        Map<String, Object> login = session(username);
        for (String bad : List.of(RefreshTokens.newToken(), "short", "", (String) login.get("access_token"))) {
            refresh(bad).then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_REFRESH_TOKEN"));
        }
        given().contentType(ContentType.JSON).body("{}").when().post("/api/auth/refresh")
                .then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        String username = uniqueName("expired");
        String id = createUser(username, "employee");
        String token = RefreshTokens.newToken();
        Instant past = Instant.now().minusSeconds(60);
        mongo.getDatabase("auth").getCollection("refresh_tokens").insertOne(new Document("_id", RefreshTokens.hash(token))
                .append("family_id", UUID.randomUUID().toString()).append("user_id", id)
                .append("issued_at", Date.from(past.minusSeconds(3600))).append("expires_at", Date.from(past))
                .append("rotated_at", null).append("successor_hash", null).append("revoked_at", null));
        refresh(token).then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
    }

    @Test
    void logoutEndsOnlyTheCallersLogin() {
        String username = uniqueName("leaving");
        createUser(username, "employee");
        Map<String, Object> laptop = session(username);
        Map<String, Object> phone = session(username);

        given().auth().oauth2((String) laptop.get("access_token")).when().post("/api/auth/logout").then().statusCode(204);

        refresh((String) laptop.get("refresh_token")).then().statusCode(401);
        refresh((String) phone.get("refresh_token")).then().statusCode(200);
    }

    @Test
    void logoutAllEndsEveryLoginAndRefusesOlderAccessTokensHere() throws InterruptedException {
        String username = uniqueName("panic");
        String id = createUser(username, "employee");
        Map<String, Object> laptop = session(username);
        Map<String, Object> phone = session(username);
        // Access tokens carry whole seconds: let the revocation fall in a later second than their iat.
        Thread.sleep(1_100);

        given().auth().oauth2((String) phone.get("access_token")).when().post("/api/auth/logout-all").then().statusCode(204);

        refresh((String) laptop.get("refresh_token")).then().statusCode(401);
        refresh((String) phone.get("refresh_token")).then().statusCode(401);
        given().auth().oauth2((String) laptop.get("access_token")).when().get("/api/auth/me").then().statusCode(401);
        assertThat(awaitEvents(id, "SessionsRevoked")).anySatisfy(r -> assertThat(r.value()).contains("logout_all"));
        session(username);
    }

    @Test
    void changingThePasswordEndsTheOtherLoginsButKeepsThisOne() {
        String username = uniqueName("changer");
        createUser(username, "employee");
        Map<String, Object> current = session(username);
        Map<String, Object> other = session(username);
        String newPassword = "another-Secret-phrase-7";

        given().auth().oauth2((String) current.get("access_token")).contentType(ContentType.JSON)
                .body(Map.of("current_password", "wrong-password-1", "new_password", newPassword))
                .when().post("/api/auth/password").then().statusCode(400).body("code", equalTo("WRONG_PASSWORD"));
        given().auth().oauth2((String) current.get("access_token")).contentType(ContentType.JSON)
                .body(Map.of("current_password", PASSWORD, "new_password", "short"))
                .when().post("/api/auth/password").then().statusCode(400).body("code", equalTo("WEAK_PASSWORD"));
        given().auth().oauth2((String) current.get("access_token")).contentType(ContentType.JSON)
                .body(Map.of("current_password", PASSWORD, "new_password", newPassword))
                .when().post("/api/auth/password").then().statusCode(204);

        refresh((String) other.get("refresh_token")).then().statusCode(401);
        refresh((String) current.get("refresh_token")).then().statusCode(200);
        AuthApi.login(username, PASSWORD).then().statusCode(401);
        AuthApi.login(username, newPassword).then().statusCode(200);
    }

    @Test
    void aDeactivatedUserCannotRefresh() {
        String username = uniqueName("fired");
        String id = createUser(username, "employee");
        String token = (String) session(username).get("refresh_token");
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("active", false, "version", 1))
                .when().patch("/api/auth/users/" + id).then().statusCode(200);

        refresh(token).then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
        assertThat(awaitEvents(id, "UserDeactivated", "SessionsRevoked")).isNotEmpty();
    }
}
