package com.misty.gateway;

import com.misty.gateway.support.DownstreamStubs;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Each prefix reaches its service with method, path, query, headers and body intact, and nothing more. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class RoutingResourceTest {

    @TestHTTPResource("/")
    URL gateway;

    private static final String ADMIN = TestTokens.accessToken("routing-admin", "admin");

    @ParameterizedTest
    @CsvSource({
            "/api/auth/users/42, auth",
            "/api/stock/items/7, inventory",
            "/api/payroll/leave-requests, payroll",
            "/api/orders/o-1, orders"})
    void eachPrefixReachesItsService(String path, String service) {
        given().auth().oauth2(ADMIN).queryParam("page", 2).queryParam("q", "a b")
                .when().get(path)
                .then().statusCode(200)
                .header("X-Stub-Service", service)
                .body("service", equalTo(service))
                .body("method", equalTo("GET"))
                .body("path", equalTo(path))
                .body("query", equalTo("page=2&q=a%20b"))
                .body("headers.authorization", equalTo("Bearer " + ADMIN));
    }

    @Test
    void methodBodyAndStatusPassThrough() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"version\":3,\"status\":\"CONFIRMED\"}")
                .when().patch("/api/orders/o-9?status=409")
                .then().statusCode(409)
                .body("method", equalTo("PATCH"))
                .body("headers.content-type", equalTo("application/json"))
                .body("body", equalTo("{\"version\":3,\"status\":\"CONFIRMED\"}"));
    }

    @Test
    void largeChunkedBodyIsStreamedIntact() throws Exception {
        byte[] body = new byte[60_000];
        new Random(7).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        HttpResponse<String> response = postChunked("/api/stock/receipts", body);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath echo = JsonPath.from(response.body());
        assertThat(echo.getString("headers.transfer-encoding")).isEqualTo("chunked");
        assertThat(echo.getInt("body_bytes")).isEqualTo(body.length);
        assertThat(echo.getString("body_sha256")).isEqualTo(sha);
    }

    /** Posts {@code body} without Content-Length (chunked), as a streaming client would. */
    private HttpResponse<String> postChunked(String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.toURI().resolve(path))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("x".repeat(70_000))
                .when().post("/api/orders")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void chunkedBodyOverTheLimitIsCutOffWith413() throws Exception {
        HttpResponse<String> response = postChunked("/api/orders", new byte[70_000]);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JsonPath.from(response.body()).getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void hopByHopHeadersAreDroppedBothWays() {
        Response response = given().auth().oauth2(ADMIN)
                .header("Connection", "keep-alive, X-Client-Hop")
                .header("X-Client-Hop", "secret")
                .header("Keep-Alive", "timeout=99")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("TE", "trailers")
                .header("X-Custom", "kept")
                .when().get("/api/stock/items");
        response.then().statusCode(200)
                .body("headers.x-client-hop", nullValue())
                .body("headers.keep-alive", nullValue())
                .body("headers.proxy-authorization", nullValue())
                .body("headers.te", nullValue())
                .body("headers.x-custom", equalTo("kept"));
        assertThat(response.header("X-Stub-Hop")).isNull();
        assertThat(response.header("Keep-Alive")).isNull();
        assertThat(response.header("X-Stub-Service")).isEqualTo("inventory");
    }

    @Test
    void wellFormedRequestIdIsKeptAndOthersReplaced() {
        given().auth().oauth2(ADMIN).header("X-Request-Id", "req-2026-abc.42")
                .when().get("/api/payroll/employees/me")
                .then().statusCode(200)
                .header("X-Request-Id", "req-2026-abc.42")
                .body("headers.x-request-id", equalTo("req-2026-abc.42"));
        given().auth().oauth2(ADMIN).header("X-Request-Id", "bad id\" injected")
                .when().get("/api/payroll/employees/me")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("headers.x-request-id", matchesPattern("[0-9a-f-]{36}"));
        given().auth().oauth2(ADMIN)
                .when().get("/api/payroll/employees/me")
                .then().body("headers.x-request-id", notNullValue());
    }

    @Test
    void forwardedHeadersAreSetByTheGatewayNotTheClient() {
        given().auth().oauth2(ADMIN).header("X-Forwarded-For", "6.6.6.6").header("Forwarded", "for=6.6.6.6")
                .when().get("/api/orders")
                .then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", matchesPattern("localhost:\\d+"))
                .body("headers.forwarded", nullValue());
    }

    @Test
    void publicEndpointsNeedNoToken() {
        given().contentType(ContentType.JSON).body("{\"refresh_token\":\"r\"}")
                .when().post("/api/auth/refresh")
                .then().statusCode(200).body("service", equalTo("auth")).body("headers.authorization", nullValue());
        given().when().get("/api/auth/jwks").then().statusCode(200).body("keys[0].kid", notNullValue());
        given().when().get("/.well-known/jwks.json").then().statusCode(200).body("keys[0].kty", equalTo("RSA"));
        // Only POST is public on the credential endpoints.
        given().when().get("/api/auth/login").then().statusCode(401);
    }

    @Test
    void corsPreflightIsAnsweredForConfiguredOriginsOnly() {
        given().header("Origin", "http://ui.misty.test").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .when().options("/api/orders/o-1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://ui.misty.test")
                .header("Access-Control-Allow-Credentials", "true");
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/orders/o-1")
                .then().header("Access-Control-Allow-Origin", not(equalTo("http://evil.example")));
        given().auth().oauth2(ADMIN).header("Origin", "http://ui.misty.test")
                .when().get("/api/orders/o-1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://ui.misty.test");
        // The phone shell's origin is not http(s): listed, it is answered like any other.
        given().header("Origin", "capacitor://localhost").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,last-event-id")
                .when().options("/api/events/stream")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "capacitor://localhost")
                .header("Access-Control-Allow-Credentials", "true");
        given().auth().oauth2(ADMIN).header("Origin", "capacitor://localhost")
                .when().get("/api/orders/o-1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "capacitor://localhost")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("ETag"));
    }

    @Test
    void httpMetricsNameTheServiceAreaNotEachPath() {
        String orderId = "metrics-" + java.util.UUID.randomUUID();
        given().auth().oauth2(ADMIN).when().get("/api/orders/" + orderId).then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/api/orders/*\"").doesNotContain(orderId);
    }
}
