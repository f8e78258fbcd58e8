package com.misty.auth;

import com.misty.auth.domain.RefreshTokens;
import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static com.misty.auth.AuthApi.PASSWORD;
import static com.misty.auth.AuthApi.adminToken;
import static com.misty.auth.AuthApi.createUser;
import static com.misty.auth.AuthApi.freshAddress;
import static com.misty.auth.AuthApi.login;
import static com.misty.auth.AuthApi.refresh;
import static com.misty.auth.AuthApi.session;
import static com.misty.auth.AuthApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A login has an absolute end, and a sign-in racing a credential change never leaves a usable session. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class SessionLifetimeResourceTest {

    @Inject
    MongoClient mongo;

    @Test
    void refreshingKeepsTheSignInTimeAndALoginEndsThirtyDaysAfterIt() {
        String username = uniqueName("long");
        createUser(username, "employee");
        String first = (String) session(username).get("refresh_token");
        Document firstStored = token(first);
        String second = refresh(first).then().statusCode(200).extract().path("refresh_token");
        Document secondStored = token(second);
        assertThat(secondStored.getDate("family_started_at")).isEqualTo(firstStored.getDate("family_started_at"));
        assertThat(secondStored.getDate("expires_at").toInstant())
                .isBeforeOrEqualTo(firstStored.getDate("family_started_at").toInstant().plus(Duration.ofDays(30)));

        // The same login, signed in 30 days and a minute ago, with a token that is itself still fresh.
        tokens().updateOne(Filters.eq("_id", RefreshTokens.hash(second)), Updates.combine(
                Updates.set("family_started_at", Date.from(Instant.now().minus(Duration.ofDays(30)).minusSeconds(60))),
                Updates.set("expires_at", Date.from(Instant.now().plus(Duration.ofDays(29))))));
        refresh(second).then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
    }

    @Test
    void noSignInWithTheOldPasswordSurvivesAConcurrentPasswordReset() {
        String username = uniqueName("raced");
        String id = createUser(username, "employee");
        List<Response> answers = Concurrently.run(6, i -> () -> i == 0
                ? given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                        .body(Map.of("new_password", "Brand-new-pass-4711")).post("/api/auth/users/" + id + "/password-reset")
                : login(username, PASSWORD, freshAddress()));
        answers.get(0).then().statusCode(200);
        for (Response signIn : answers.subList(1, answers.size())) {
            if (signIn.statusCode() != 200) {
                assertThat(signIn.statusCode()).as(signIn.asString()).isEqualTo(401);
                continue;
            }
            // It got in, so it must have been ended by the reset (or by itself, seeing the reset).
            refresh(signIn.path("refresh_token")).then().statusCode(401);
            String access = signIn.path("access_token");
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    given().auth().oauth2(access).when().get("/api/auth/me").then().statusCode(401));
        }
        login(username, "Brand-new-pass-4711", freshAddress()).then().statusCode(200);
    }

    @Test
    void noSignInSurvivesAConcurrentDeactivation() {
        String username = uniqueName("leaving");
        String id = createUser(username, "employee");
        List<Response> answers = Concurrently.run(6, i -> () -> i == 0
                ? given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                        .body(Map.of("active", false, "version", 1)).patch("/api/auth/users/" + id)
                : login(username, PASSWORD, freshAddress()));
        answers.get(0).then().statusCode(200);
        for (Response signIn : answers.subList(1, answers.size())) {
            if (signIn.statusCode() == 200) {
                refresh(signIn.path("refresh_token")).then().statusCode(401);
                String access = signIn.path("access_token");
                await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                        given().auth().oauth2(access).when().get("/api/auth/me").then().statusCode(401));
            } else {
                assertThat(signIn.statusCode()).as(signIn.asString()).isIn(401, 403);
            }
        }
    }

    private Document token(String refreshToken) {
        return tokens().find(Filters.eq("_id", RefreshTokens.hash(refreshToken))).first();
    }

    private com.mongodb.client.MongoCollection<Document> tokens() {
        return mongo.getDatabase("auth").getCollection("refresh_tokens");
    }
}
