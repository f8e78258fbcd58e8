package com.misty.testkit;

import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/** The checks every service passes, whatever its domain: health, OpenAPI, and problem+json for bad requests. */
public final class ServiceConformance {

    public static final String MONGODB_CHECK = "MongoDB connection health check";
    public static final String KAFKA_CHECK = "Kafka connection health check";
    /** Ready only when access tokens can be checked (platform's SigningKeys in the services, JwksKeys in the gateway). */
    public static final String SIGNING_KEYS_CHECK = "Signing keys loaded";

    private ServiceConformance() {
    }

    /** Readiness is UP and includes the named checks (MongoDB, Kafka). */
    public static void assertReadyWith(String... checks) {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(checks));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    public static void assertOpenApiServed() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).body("openapi", startsWith("3."));
    }

    public static void assertUnknownRouteIsProblem(String token) {
        for (String path : new String[] {"/no/such/route", "/api/no-such-thing/42"}) {
            given().auth().oauth2(token).when().get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("code", equalTo("NOT_FOUND"));
        }
    }

    /** Malformed JSON to a JSON endpoint is a 400 problem, never a 500. */
    public static void assertMalformedJsonIsProblem(String method, String path, String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"broken\": ")
                .when().request(method, path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo("MALFORMED_JSON"));
    }
}
