package com.misty.auth;

import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Users of the original system through the admin import: ids kept, roles mapped, bcrypt hashes kept (the old
 * password signs in, also in Python's {@code $2b$} form), other hashes flagged for a reset, idempotent.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class UserImportResourceTest {

    private static final String OLD_PASSWORD = "Old-system-pass-1";

    @Test
    void importsKeepIdsAndBcryptHashesFlagOtherHashesAndAreIdempotent() {
        String tag = AuthApi.uniqueName("imp");
        // Python's bcrypt writes $2b$: the same algorithm as the $2a$ computed here.
        String pythonHash = "$2b$" + BcryptUtil.bcryptHash(OLD_PASSWORD, 4).substring(4);
        Map<String, Object> bcryptUser = original(tag + "-u1", tag + ".anna", "Manager", pythonHash);
        bcryptUser.put("legacy_theme", "dark");
        Map<String, Object> shaUser = original(tag + "-u2", tag + ".ben", "employee", "sha256$abc$deadbeef");
        Map<String, Object> supervisor = original(tag + "-u3", tag + ".cleo", "supervisor", pythonHash);
        supervisor.put("is_active", false);
        Map<String, Object> twin = original(tag + "-u4", tag.toUpperCase() + ".ANNA", "employee", pythonHash);
        List<Map<String, Object>> records = List.of(bcryptUser, shaUser, supervisor, twin);

        importing(records, true).statusCode(200).body("dry_run", equalTo(true)).body("imported", equalTo(2))
                .body("rejected", equalTo(2));
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + tag + "-u1").then().statusCode(404);

        importing(records, false).statusCode(200).body("records", equalTo(4)).body("imported", equalTo(2))
                .body("rejected", equalTo(2)).body("password_reset_required", contains(tag + ".ben"))
                .body("unmapped_fields.legacy_theme", equalTo(1))
                .body("outcomes[2].reason", equalTo("role 'supervisor' has no mapping (add it to the mapping file's user roles)"))
                .body("outcomes[3].reason", equalTo("username '" + tag.toUpperCase() + ".ANNA' is taken by another account of this suite"));

        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + tag + "-u1").then().statusCode(200)
                .body("username", equalTo(tag + ".anna")).body("role", equalTo("manager")).body("active", equalTo(true))
                .body("created_at", equalTo("2024-03-01T08:00:00Z")).body("password_reset_required", equalTo(false));
        AuthApi.login(tag + ".anna", OLD_PASSWORD).then().statusCode(200).body("user.id", equalTo(tag + "-u1"));
        assertThat(AuthApi.awaitEvents(tag + "-u1", "UserCreated")).as("announced like a user created here").isNotEmpty();

        // A hash this suite cannot verify: no password signs in, the same refusal as a wrong one, until a reset.
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + tag + "-u2").then().statusCode(200)
                .body("password_reset_required", equalTo(true));
        AuthApi.login(tag + ".ben", OLD_PASSWORD).then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON).body(Map.of("new_password", AuthApi.PASSWORD))
                .post("/api/auth/users/" + tag + "-u2/password-reset").then().statusCode(200);
        AuthApi.login(tag + ".ben", AuthApi.PASSWORD).then().statusCode(200);
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + tag + "-u2").then()
                .body("password_reset_required", equalTo(false));

        // The operator maps the refused role; the second run leaves the imported users alone.
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("users", records, "role_map", Map.of("supervisor", "manager")))
                .post("/api/auth/import").then().statusCode(200).body("imported", equalTo(1))
                .body("already_present", equalTo(2)).body("rejected", equalTo(1));
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + tag + "-u3").then().statusCode(200)
                .body("role", equalTo("manager")).body("active", equalTo(false)).body("version", equalTo(1));
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + tag + "-u2").then()
                .body("password_reset_required", equalTo(false));
    }

    @Test
    void theHashFieldIsTheOperatorsToNameAndBadRequestsChangeNothing() {
        String tag = AuthApi.uniqueName("imh");
        Map<String, Object> user = original(tag + "-u1", tag + ".dora", "employee", null);
        user.put("hashed_password", BcryptUtil.bcryptHash(OLD_PASSWORD, 4));
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("users", List.of(user), "hash_field", "hashed_password"))
                .post("/api/auth/import").then().statusCode(200).body("imported", equalTo(1))
                .body("password_reset_required", equalTo(List.of())).body("unmapped_fields", equalTo(Map.of()));
        AuthApi.login(tag + ".dora", OLD_PASSWORD).then().statusCode(200);

        given().auth().oauth2(TestTokens.accessToken("mgr", "manager")).contentType(ContentType.JSON)
                .body(Map.of("users", List.of())).post("/api/auth/import").then().statusCode(403);
        Map<String, Object> refused = original(tag + "-u2", tag + ".emil", "boss", null);
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("users", List.of(refused), "role_map", Map.of("boss", "owner")))
                .post("/api/auth/import").then().statusCode(400).body("code", equalTo("INVALID_ROLE_MAP"));
        Map<String, Object> injected = new HashMap<>(refused);
        injected.put("username", Map.of("$ne", ""));
        given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON).body(Map.of("users", List.of(injected)))
                .post("/api/auth/import").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(AuthApi.adminToken()).get("/api/auth/users/" + tag + "-u2").then().statusCode(404);
    }

    private static Map<String, Object> original(String id, String username, String role, String hash) {
        Map<String, Object> record = new HashMap<>(Map.of("id", id, "_id", "65f0c1aa" + id.hashCode(), "username", username,
                "role", role, "email", username + "@example.com", "full_name", "Imported " + username,
                "created_at", "2024-03-01T08:00:00"));
        if (hash != null) {
            record.put("password_hash", hash);
        }
        return record;
    }

    private static ValidatableResponse importing(List<Map<String, Object>> records, boolean dryRun) {
        return given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("users", records, "dry_run", dryRun)).post("/api/auth/import").then();
    }
}
