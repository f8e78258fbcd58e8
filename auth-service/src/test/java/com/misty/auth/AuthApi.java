package com.misty.auth;

import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.misty.testkit.EventProbe;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** HTTP helpers shared by the auth-service resource tests. */
final class AuthApi {

    static final String PASSWORD = "correct-Horse-battery-9";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    private AuthApi() {
    }

    /** A client address of its own (via X-Forwarded-For), so one test's failures never throttle another's. */
    static String freshAddress() {
        int n = ADDRESS.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static volatile String bootstrapAdminId;

    /**
     * An admin token for the bootstrap admin: admin operations check the caller's current role and active flag in
     * the database, so the token must name a real, active admin.
     */
    static String adminToken() {
        return TestTokens.accessToken(bootstrapAdminId(), "admin");
    }

    static synchronized String bootstrapAdminId() {
        if (bootstrapAdminId == null) {
            bootstrapAdminId = login("admin", System.getenv("MISTY_ADMIN_BOOTSTRAP_PASSWORD"))
                    .then().statusCode(200).extract().path("user.id");
        }
        return bootstrapAdminId;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a user through the admin API; returns its id. */
    static String createUser(String username, String role) {
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "role", role, "full_name", "Test " + username))
                .when().post("/api/auth/users")
                .then().statusCode(201).extract().path("id");
    }

    static Response login(String username, String password) {
        return login(username, password, freshAddress());
    }

    static Response login(String username, String password, String address) {
        return from(address).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when().post("/api/auth/login");
    }

    /** Logs in (expecting success); returns the body as a map. */
    static Map<String, Object> session(String username) {
        return login(username, PASSWORD).then().statusCode(200).extract().as(Map.class);
    }

    static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken))
                .when().post("/api/auth/refresh");
    }

    static Map<String, Object> jwtPart(String jwt, int part) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]));
        return io.restassured.path.json.JsonPath.from(json).getMap("");
    }

    /** Waits for an auth.events record of {@code type} about {@code aggregateId}; returns the matching ones. */
    static List<ConsumerRecord<String, String>> awaitEvents(String aggregateId, String... types) {
        try (EventProbe probe = new EventProbe(MistyTestInfrastructure.kafkaBootstrapServers(), "auth.events")) {
            List<ConsumerRecord<String, String>> seen = probe.pollUntil(records -> java.util.Arrays.stream(types)
                    .allMatch(type -> records.stream().anyMatch(r -> matches(r, aggregateId, type))), Duration.ofSeconds(30));
            return seen.stream().filter(r -> aggregateId.equals(r.key())).toList();
        }
    }

    static boolean matches(ConsumerRecord<String, String> record, String aggregateId, String type) {
        return aggregateId.equals(record.key()) && record.value().contains("\"type\":\"" + type + "\"");
    }
}
