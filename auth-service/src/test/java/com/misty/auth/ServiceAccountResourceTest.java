package com.misty.auth;

import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.misty.auth.AuthApi.adminToken;
import static com.misty.auth.AuthApi.freshAddress;
import static com.misty.auth.AuthApi.from;
import static com.misty.auth.AuthApi.jwtPart;
import static com.misty.auth.AuthApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Service accounts and the client-credentials grant through HTTP. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class ServiceAccountResourceTest {

    private static Map<String, Object> createAccount(String name, List<String> roles) {
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "roles", roles))
                .when().post("/api/auth/service-accounts")
                .then().statusCode(201).body("client_secret", notNullValue()).extract().as(Map.class);
    }

    private static io.restassured.response.Response tokenByForm(String clientId, String secret) {
        return from(freshAddress()).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).when().post("/api/auth/token");
    }

    @Test
    void aServiceAccountGetsAnAccessTokenByFormOrJsonAndNoRefreshToken() {
        Map<String, Object> account = createAccount(uniqueName("erp-sync"), List.of("production"));
        String clientId = (String) account.get("client_id");
        String secret = (String) account.get("client_secret");

        String token = tokenByForm(clientId, secret).then().statusCode(200)
                .body("token_type", equalTo("bearer")).body("expires_in", equalTo(3600))
                .body("refresh_token", equalTo(null)).extract().path("access_token");
        assertThat(jwtPart(token, 1)).containsEntry("sub", clientId).containsEntry("token_use", "access")
                .containsEntry("groups", List.of("production"));

        from(freshAddress()).contentType(ContentType.JSON)
                .body(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .when().post("/api/auth/token").then().statusCode(200).body("access_token", notNullValue());

        // The secret is never shown again.
        given().auth().oauth2(adminToken()).when().get("/api/auth/service-accounts/" + clientId)
                .then().statusCode(200).body("client_secret", equalTo(null)).body("secret_hash", equalTo(null));
    }

    @Test
    void wrongSecretsUnknownClientsAndOtherGrantsAreRefused() {
        Map<String, Object> account = createAccount(uniqueName("reporting"), List.of("manager"));
        tokenByForm((String) account.get("client_id"), "wrong").then().statusCode(401).body("code", equalTo("INVALID_CLIENT"));
        tokenByForm("no-such-client", "wrong").then().statusCode(401).body("code", equalTo("INVALID_CLIENT"));
        from(freshAddress()).contentType(ContentType.URLENC).formParam("grant_type", "password")
                .when().post("/api/auth/token").then().statusCode(400).body("code", equalTo("UNSUPPORTED_GRANT_TYPE"));
    }

    @Test
    void rotatingTheSecretInvalidatesTheOldOne() {
        Map<String, Object> account = createAccount(uniqueName("label-printer"), List.of("production"));
        String clientId = (String) account.get("client_id");
        String newSecret = given().auth().oauth2(adminToken()).when().post("/api/auth/service-accounts/" + clientId + "/secret")
                .then().statusCode(200).extract().path("client_secret");

        tokenByForm(clientId, (String) account.get("client_secret")).then().statusCode(401);
        tokenByForm(clientId, newSecret).then().statusCode(200);
    }

    @Test
    void aDisabledServiceAccountGetsNoToken() {
        Map<String, Object> account = createAccount(uniqueName("legacy"), List.of("employee"));
        String clientId = (String) account.get("client_id");
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("active", false, "version", 1))
                .when().patch("/api/auth/service-accounts/" + clientId).then().statusCode(200).body("active", equalTo(false));
        tokenByForm(clientId, (String) account.get("client_secret")).then().statusCode(401);
    }
}
