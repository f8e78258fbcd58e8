package com.misty.auth;

import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.misty.auth.AuthApi.PASSWORD;
import static com.misty.auth.AuthApi.adminToken;
import static com.misty.auth.AuthApi.awaitEvents;
import static com.misty.auth.AuthApi.createUser;
import static com.misty.auth.AuthApi.login;
import static com.misty.auth.AuthApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** User administration through HTTP: admins only, validation, unique usernames, versions, events. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class UserAdminResourceTest {

    @Test
    void onlyAdminsReachTheAdminEndpoints() {
        String someone = "00000000-0000-0000-0000-000000000000";
        for (String role : List.of("manager", "production", "employee")) {
            String token = TestTokens.accessToken("u-" + role, role);
            given().auth().oauth2(token).when().get("/api/auth/users").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).when().get("/api/auth/users/" + someone).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("username", uniqueName("x"), "password", PASSWORD, "role", "admin"))
                    .when().post("/api/auth/users").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("role", "admin", "version", 1))
                    .when().patch("/api/auth/users/" + someone).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/auth/users/" + someone + "/password-reset").then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/auth/service-accounts").then().statusCode(403);
        }
        given().when().get("/api/auth/users").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void createListAndGetUsers() {
        String username = uniqueName("Creator");
        Map<String, Object> created = given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "role", "production",
                        "full_name", "Carla Creator", "email", "carla@example.com"))
                .when().post("/api/auth/users")
                .then().statusCode(201)
                .body("username", equalTo(username)).body("role", equalTo("production"))
                .body("active", equalTo(true)).body("version", equalTo(1))
                .body("password_hash", equalTo(null)).body("password", equalTo(null))
                .extract().as(Map.class);
        String id = (String) created.get("id");

        given().auth().oauth2(adminToken()).when().get("/api/auth/users/" + id).then().statusCode(200)
                .body("full_name", equalTo("Carla Creator")).body("email", equalTo("carla@example.com"));
        given().auth().oauth2(adminToken()).queryParam("limit", 500).when().get("/api/auth/users").then().statusCode(200)
                .body("username", hasItem(username));
        given().auth().oauth2(adminToken()).when().get("/api/auth/users/no-such-id").then().statusCode(404);
        assertThat(awaitEvents(id, "UserCreated")).anySatisfy(r -> assertThat(r.value()).contains(username));
    }

    @Test
    void invalidUsersAreRefusedWith400() {
        record Case(Map<String, Object> body, String code) {
        }
        for (Case c : List.of(
                new Case(Map.of("username", uniqueName("weak"), "password", "short", "role", "employee"), "WEAK_PASSWORD"),
                new Case(Map.of("username", uniqueName("weak"), "password", "aaaaaaaaaaaaaaaa", "role", "employee"), "WEAK_PASSWORD"),
                new Case(Map.of("username", "containsme", "password", "xx-containsme-xx", "role", "employee"), "WEAK_PASSWORD"),
                new Case(Map.of("username", uniqueName("role"), "password", PASSWORD, "role", "superuser"), "UNKNOWN_ROLE"),
                new Case(Map.of("username", "bad name!", "password", PASSWORD, "role", "employee"), "INVALID_USERNAME"),
                new Case(Map.of("username", uniqueName("v"), "role", "employee"), "VALIDATION_FAILED"))) {
            given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(c.body())
                    .when().post("/api/auth/users")
                    .then().statusCode(400).contentType("application/problem+json").body("code", equalTo(c.code()));
        }
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        String username = uniqueName("Twin");
        createUser(username, "employee");
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username.toUpperCase(), "password", PASSWORD, "role", "employee"))
                .when().post("/api/auth/users").then().statusCode(409).body("code", equalTo("USERNAME_TAKEN"));
    }

    @Test
    void concurrentCreationOfOneUsernameCreatesExactlyOneUser() {
        String username = uniqueName("race");
        List<Response> responses = Concurrently.run(6, i -> () -> given().auth().oauth2(adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("username", i % 2 == 0 ? username : username.toUpperCase(), "password", PASSWORD,
                        "role", "employee"))
                .when().post("/api/auth/users"));

        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409)).hasSize(5);
        List<String> names = given().auth().oauth2(adminToken()).queryParam("limit", 500).when().get("/api/auth/users")
                .then().extract().jsonPath().getList("username", String.class);
        assertThat(names.stream().filter(n -> n.equalsIgnoreCase(username))).hasSize(1);
    }

    @Test
    void changingTheRoleNeedsTheCurrentVersionAndAnnouncesIt() {
        String username = uniqueName("promoted");
        String id = createUser(username, "employee");

        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("role", "manager", "version", 1))
                .when().patch("/api/auth/users/" + id)
                .then().statusCode(200).body("role", equalTo("manager")).body("version", equalTo(2));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("role", "admin", "version", 1))
                .when().patch("/api/auth/users/" + id)
                .then().statusCode(409).body("code", equalTo("VERSION_CONFLICT")).body("current_version", equalTo(2));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("role", "root", "version", 2))
                .when().patch("/api/auth/users/" + id).then().statusCode(400).body("code", equalTo("UNKNOWN_ROLE"));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .when().patch("/api/auth/users/" + id).then().statusCode(400);

        assertThat(awaitEvents(id, "UserRoleChanged")).anySatisfy(r ->
                assertThat(r.value()).contains("\"role\":\"manager\"").contains("\"previous_role\":\"employee\""));
        login(username, PASSWORD).then().statusCode(200).body("user.role", equalTo("manager"));
    }

    @Test
    void anAdminCannotDemoteOrDeactivateThemselves() {
        String username = uniqueName("selfadmin");
        String id = createUser(username, "admin");
        String token = TestTokens.accessToken(id, "admin");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("active", false, "version", 1))
                .when().patch("/api/auth/users/" + id).then().statusCode(409).body("code", equalTo("OWN_ACCESS"));
    }

    @Test
    void passwordResetReplacesThePasswordAndEndsTheUsersSessions() {
        String username = uniqueName("forgetful");
        String id = createUser(username, "employee");
        String refreshToken = (String) AuthApi.session(username).get("refresh_token");

        String temporary = given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/auth/users/" + id + "/password-reset")
                .then().statusCode(200).body("temporary_password", notNullValue())
                .extract().path("temporary_password");

        AuthApi.refresh(refreshToken).then().statusCode(401);
        login(username, PASSWORD).then().statusCode(401);
        login(username, temporary).then().statusCode(200);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("new_password", "tiny"))
                .when().post("/api/auth/users/" + id + "/password-reset").then().statusCode(400);
    }
}
