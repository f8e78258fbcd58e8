package com.misty.auth;

import com.misty.testkit.OwnDatabase;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;

/**
 * Users this code did not write — the original system's (ObjectId {@code _id}, {@code is_active} or no flag, a
 * role in another case, no version, dates as text) — seeded straight into the database: the user endpoints
 * answer them, none with a 5xx, and signing in with such a name is an ordinary refusal.
 */
@QuarkusTest
@WithTestResource(value = OwnDatabase.class, initArgs = @ResourceArg(name = "database", value = "auth_tolerant"))
class TolerantReadingTest {

    private static final ObjectId LEGACY_USER = new ObjectId();

    @Inject
    MongoClient mongo;

    @BeforeEach
    void seedForeignDocuments() {
        MongoDatabase db = mongo.getDatabase("auth_tolerant");
        if (db.getCollection("users").countDocuments(new Document("username", "old.timer")) > 0) {
            return;
        }
        db.getCollection("users").insertMany(List.of(
                new Document("_id", LEGACY_USER).append("id", "u-legacy").append("username", "old.timer")
                        .append("role", "Manager").append("password_hash", BcryptUtil.bcryptHash("Old-password-1", 4))
                        .append("created_at", "2025-01-02T03:04:05"),
                // The unique index on username_lower admits one document without it; the others carry it.
                new Document("_id", "u-gone").append("username", "gone").append("username_lower", "gone").append("role", "employee").append("is_active", false),
                new Document("_id", "u-odd").append("username", 17).append("username_lower", "17").append("role", "supervisor").append("active", "true")
                        .append("email", List.of("a", "b"))));
    }

    @Test
    void userEndpointsAnswerForeignDocuments() {
        List<String> ids = given().auth().oauth2(AuthApi.adminToken()).queryParam("limit", 500).get("/api/auth/users")
                .then().statusCode(200).body("id", hasItems(LEGACY_USER.toHexString(), "u-gone", "u-odd"))
                .extract().path("id");
        ids.forEach(id -> given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + id).then().statusCode(200));

        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + LEGACY_USER.toHexString()).then()
                .body("active", equalTo(true)).body("role", equalTo("manager")).body("version", equalTo(0))
                .body("created_at", equalTo("2025-01-02T03:04:05Z"));
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/u-gone").then().body("active", equalTo(false));
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/u-odd").then().body("active", equalTo(true))
                .body("username", equalTo("17"));

        AuthApi.login("old.timer", "Old-password-1").then().statusCode(lessThan(500));
    }
}
