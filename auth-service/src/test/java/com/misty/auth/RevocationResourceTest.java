package com.misty.auth;

import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.misty.auth.AuthApi.PASSWORD;
import static com.misty.auth.AuthApi.adminToken;
import static com.misty.auth.AuthApi.awaitEvents;
import static com.misty.auth.AuthApi.createUser;
import static com.misty.auth.AuthApi.refresh;
import static com.misty.auth.AuthApi.session;
import static com.misty.auth.AuthApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Revocation inside auth-service, with real logins: the admin operations check the caller in the database, and
 * the platform's revocation list (fed by auth-service's own events) refuses older tokens on every endpoint.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class RevocationResourceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @Test
    void aDemotedAdminCannotCreateAnotherAdminWithTheOldTokenAndTheTokenDiesWithinTwoSeconds() {
        String name = uniqueName("Demoted");
        String id = createUser(name, "admin");
        String token = (String) session(name).get("access_token");
        given().auth().oauth2(token).when().get("/api/auth/users/" + id).then().statusCode(200);

        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("role", "employee", "version", 1))
                .when().patch("/api/auth/users/" + id).then().statusCode(200);

        // The very next admin request is refused: the role is read from the database, not the token.
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("username", uniqueName("Sneaky"), "password", PASSWORD, "role", "admin"))
                .when().post("/api/auth/users")
                .then().statusCode(org.hamcrest.Matchers.oneOf(401, 403));
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(401));
    }

    @Test
    void aDeactivatedAdminIsRefusedAtOnce() {
        String name = uniqueName("Gone");
        String id = createUser(name, "admin");
        String token = (String) session(name).get("access_token");
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("active", false, "version", 1))
                .when().patch("/api/auth/users/" + id).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/auth/users").then().statusCode(401);
    }

    @Test
    void afterLogoutTheSameAccessTokenIsRefusedWithinTwoSecondsButAnotherLoginIsNot() {
        String name = uniqueName("Leaver");
        String id = createUser(name, "employee");
        String token = (String) session(name).get("access_token");
        String otherLogin = (String) session(name).get("access_token");

        given().auth().oauth2(token).when().post("/api/auth/logout").then().statusCode(204);
        awaitEvents(id, "SessionEnded");
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(401));
        given().auth().oauth2(otherLogin).when().get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void aRoleChangeLetsTheUserRefreshIntoTheNewRole() {
        String name = uniqueName("Promoted");
        String id = createUser(name, "employee");
        Map<String, Object> login = session(name);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("role", "manager", "version", 1))
                .when().patch("/api/auth/users/" + id).then().statusCode(200);
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().auth().oauth2((String) login.get("access_token")).when().get("/api/auth/me").then().statusCode(401));

        // Tokens minted in the second of the change are refused too (iat has whole seconds): refresh after it.
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(1100)).until(() -> true);
        String fresh = refresh((String) login.get("refresh_token")).then().statusCode(200)
                .body("user.role", equalTo("manager")).extract().path("access_token");
        given().auth().oauth2(fresh).when().get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void disablingOrRotatingAServiceAccountAnnouncesTheRevocation() {
        Map<String, Object> created = given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", uniqueName("robot"), "roles", java.util.List.of("production")))
                .when().post("/api/auth/service-accounts").then().statusCode(201).extract().as(Map.class);
        String id = (String) created.get("id");
        given().auth().oauth2(adminToken()).when().post("/api/auth/service-accounts/" + id + "/secret")
                .then().statusCode(200);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("active", false, "version", 2))
                .when().patch("/api/auth/service-accounts/" + id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> org.assertj.core.api.Assertions
                .assertThat(awaitEvents(id, "ServiceAccountRevoked").stream().map(r -> r.value()))
                .anyMatch(v -> v.contains("\"reason\":\"secret_rotated\""))
                .anyMatch(v -> v.contains("\"reason\":\"disabled\"")));
    }
}
