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

    /**
     * The document says what the wire carries: every property of every schema is snake_case, every operation
     * documents error answers, and every error answer is problem+json with the suite's Problem shape (a machine
     * {@code code}).
     */
    public static void assertEveryOperationDocumentsItsErrors() {
        io.restassured.path.json.JsonPath document = given().accept("application/json")
                .when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        java.util.List<String> problems = new java.util.ArrayList<>();
        java.util.Map<String, java.util.Map<String, Object>> schemas = document.getMap("components.schemas");
        schemas.forEach((name, schema) -> {
            Object properties = schema.get("properties");
            if (properties instanceof java.util.Map<?, ?> map) {
                map.keySet().forEach(property -> {
                    if (!String.valueOf(property).matches("[a-z][a-z0-9_]*")) {
                        problems.add("schema " + name + ": property '" + property + "' is not snake_case");
                    }
                });
            }
        });
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = document.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!java.util.Set.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                @SuppressWarnings("unchecked")
                java.util.Map<String, java.util.Map<String, Object>> responses =
                        (java.util.Map<String, java.util.Map<String, Object>>) operation.getValue().get("responses");
                java.util.List<String> errors = responses == null ? java.util.List.of()
                        : responses.keySet().stream().filter(status -> status.startsWith("4")).toList();
                if (errors.isEmpty()) {
                    problems.add(name + " documents no error response");
                }
                if (responses == null) {
                    continue;
                }
                responses.forEach((status, response) -> {
                    if ((status.startsWith("4") || status.startsWith("5"))) {
                        Object content = response.get("content");
                        String text = String.valueOf(content);
                        if (!(content instanceof java.util.Map<?, ?> media) || !media.containsKey("application/problem+json")
                                || !(text.contains("#/components/schemas/Problem") || text.contains("code="))) {
                            problems.add(name + " " + status + " is not documented as problem+json with a code");
                        }
                    }
                });
            }
        }
        if (operations == 0) {
            problems.add("the document has no operations");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The OpenAPI document does not describe the wire:\n  " + String.join("\n  ", problems));
        }
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
