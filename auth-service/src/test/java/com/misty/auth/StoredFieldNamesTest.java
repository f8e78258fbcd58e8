package com.misty.auth;

import com.misty.auth.domain.RefreshTokens;
import com.misty.testkit.MistyTestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.misty.auth.AuthApi.adminToken;
import static com.misty.auth.AuthApi.createUser;
import static com.misty.auth.AuthApi.login;
import static com.misty.auth.AuthApi.refresh;
import static com.misty.auth.AuthApi.session;
import static com.misty.auth.AuthApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored documents keep their snake_case field names now that the Panache entities' record codec writes them:
 * existing data, the import, migrations and the system tests read these names.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class StoredFieldNamesTest {

    @Inject
    MongoClient mongo;

    @Test
    void everyCollectionKeepsItsStoredFieldNames() {
        String username = uniqueName("stored");
        String id = createUser(username, "employee");
        String token = (String) session(username).get("refresh_token");
        refresh(token).then().statusCode(200);
        login(username, "wrong-Password-1").then().statusCode(401);
        String account = given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", uniqueName("stored-client"), "roles", List.of("production")))
                .when().post("/api/auth/service-accounts").then().statusCode(201).extract().path("client_id");
        MongoDatabase db = mongo.getDatabase("auth");

        assertThat(db.getCollection("users").find(new Document("_id", id)).first()).containsKeys("username",
                "username_lower", "password_hash", "role", "full_name", "active", "version", "created_at");
        assertThat(db.getCollection("refresh_tokens").find(new Document("_id", RefreshTokens.hash(token))).first())
                .containsKeys("family_id", "user_id", "issued_at", "expires_at", "family_started_at", "rotated_at",
                        "successor_hash");
        assertThat(db.getCollection("login_attempts").find(new Document("_id", "user:" + username)).first())
                .containsKeys("failures", "window_start");
        assertThat(db.getCollection("service_accounts").find(new Document("_id", account)).first())
                .containsKeys("name", "name_lower", "roles", "active", "version", "created_at", "secret_hash");
        assertThat(db.getCollection("signing_keys").find().first()).containsKeys("kind", "value", "created_at");
    }
}
