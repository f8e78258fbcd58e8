package com.misty.auth;

import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static com.misty.auth.AuthApi.PASSWORD;
import static com.misty.auth.AuthApi.adminToken;
import static com.misty.auth.AuthApi.createUser;
import static com.misty.auth.AuthApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code GET /api/auth/names}: the names behind the actor ids other services record, for every signed-in role. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class ActorNamesResourceTest {

    @Test
    void everyRoleResolvesUsersAndServiceAccountsAndUnknownIdsAreLeftOut() {
        String withFullName = uniqueName("named");
        String withFullNameId = createUser(withFullName, "manager"); // full name "Test <username>"
        String bare = uniqueName("bare");
        String bareId = given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", bare, "password", PASSWORD, "role", "employee"))
                .when().post("/api/auth/users").then().statusCode(201).extract().path("id");
        String robotName = uniqueName("robot");
        String robotId = given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", robotName, "roles", List.of("production")))
                .when().post("/api/auth/service-accounts").then().statusCode(201).extract().path("id");

        for (String role : List.of("employee", "production", "manager", "admin")) {
            Response answer = given().auth().oauth2(TestTokens.accessToken("asker-" + role, role))
                    .queryParam("id", withFullNameId, bareId, robotId, "no-such-id", withFullNameId)
                    .when().get("/api/auth/names");
            answer.then().statusCode(200);
            List<Map<String, Object>> actors = answer.jsonPath().getList("$");
            assertThat(actors).as(role).containsExactlyInAnyOrder(
                    actor(withFullNameId, "user", withFullName, "Test " + withFullName),
                    actor(bareId, "user", bare, bare),
                    actor(robotId, "service_account", null, robotName));
            assertThat(actors.toString()).doesNotContain("password").doesNotContain("secret");
        }
    }

    @Test
    void noIdsTooManyIdsAndNoTokenAreRefused() {
        String token = TestTokens.accessToken("asker", "production");
        given().auth().oauth2(token).when().get("/api/auth/names")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("id", Collections.nCopies(101, "x").toArray())
                .when().get("/api/auth/names")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        given().auth().oauth2(token).queryParam("id", "x".repeat(65)).when().get("/api/auth/names")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/auth/names").then().statusCode(401);
    }

    private static Map<String, Object> actor(String id, String kind, String username, String displayName) {
        java.util.HashMap<String, Object> actor = new java.util.HashMap<>();
        actor.put("id", id);
        actor.put("kind", kind);
        actor.put("username", username);
        actor.put("display_name", displayName);
        return actor;
    }
}
