package com.misty.gateway;

import com.misty.gateway.support.Circuits;
import com.misty.gateway.support.DownstreamStubs;
import com.misty.gateway.support.NewSigningKey;
import com.misty.gateway.support.ReplicatedStubs;
import com.misty.gateway.support.Stubs;
import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Two replicas each of inventory-, order- and auth-service behind one gateway ({@link ReplicatedStubs}: routes
 * {@code <first>,<second>}, readiness polled every second). Requests are spread over both; a stopped replica's
 * requests (GET and POST) are all answered by the other, each POST body arriving whole and once; a POST whose
 * replica dies after reading its body is not sent again, a GET is; a replica that is not ready leaves the rotation
 * and comes back; both down gives 502, then 503 with Retry-After; the gateway's own reads (JWKS, API documents) use
 * whichever replica answers. Bursts are released together (testkit {@link Concurrently}).
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(ReplicatedStubs.class)
class UpstreamReplicasResourceTest {

    private static final String TOKEN = TestTokens.accessToken("replica-tester", "admin");
    private static final List<String> STUBS = List.of("auth", "auth-2", "inventory", "inventory-2", "orders", "orders-2");
    private static final List<String> ALL_STUBS = List.of("auth", "auth-2", "inventory", "inventory-2", "payroll",
            "orders", "orders-2");
    private static final Pattern AVAILABLE = Pattern.compile(
            "misty_gateway_upstream_available\\{service=\"\\w+\",upstream=\"([^\"]+)\"} (\\S+)");
    private static final Duration NO_HANG = Duration.ofSeconds(5);

    /**
     * Every replica up, ready, in rotation, and its circuit closed before each test: a circuit a test opened is
     * only due a trial once the gauge says 1 again, and while that one trial is out its replica takes nothing else.
     */
    @BeforeEach
    void everyReplicaInRotation() {
        STUBS.forEach(stub -> {
            Stubs.start(stub);
            Stubs.ready(stub, true);
        });
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(availability().values()).hasSize(7).containsOnly(1.0));
        for (int i = 0; i < 4; i++) { // one at a time, so each replica's trial gets its turn
            getItem().then().statusCode(200);
            given().auth().oauth2(TOKEN).get("/api/orders/o-1").then().statusCode(200);
        }
    }

    @Test
    void requestsAreSpreadOverBothReplicas() {
        Map<String, Integer> oneAtATime = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            oneAtATime.merge(getItem().then().statusCode(200).extract().<String>path("stub"), 1, Integer::sum);
        }
        assertThat(oneAtATime).as("requests one at a time take turns").containsOnlyKeys("inventory", "inventory-2");
        assertThat(oneAtATime.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(5));

        List<String> together = Concurrently.run(40, i -> () -> getItem().then().statusCode(200).extract().path("stub"));
        assertThat(together).as("a burst released together reaches both").contains("inventory", "inventory-2");
    }

    @Test
    void aStoppedReplicasRequestsAreAllAnsweredByTheOtherEachPostBodyOnce() {
        double retriesBefore = retriesAfterFailing("inventory-2");
        // Right after a readiness round, so the burst meets the stopped replica before a check has noticed: the
        // refused connections themselves must send the requests on.
        int checks = Stubs.healthChecks("inventory-2");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> Stubs.healthChecks("inventory-2") > checks);
        Stubs.stop("inventory-2");

        List<Response> answers = Concurrently.run(30, i -> () -> i % 2 == 0 ? getItem() : postReceipt(i, ""));

        for (int i = 0; i < answers.size(); i++) {
            Response answer = answers.get(i);
            answer.then().statusCode(200).body("stub", equalTo("inventory"));
            if (i % 2 == 1) {
                String body = receiptBody(i);
                answer.then().body("method", equalTo("POST")).body("body", equalTo(body))
                        .body("body_sha256", equalTo(sha256(body)));
                assertThat(Stubs.receipts(answer.header("X-Request-Id"))).as("the body arrived once").isEqualTo(1);
            }
        }
        assertThat(retriesAfterFailing("inventory-2")).as("requests that met the stopped replica were sent on")
                .isGreaterThan(retriesBefore);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(availability()).containsEntry("inventory-2", 0.0).containsEntry("inventory", 1.0));
    }

    @Test
    void aPostWhoseReplicaDiedAfterReadingTheBodyIsNotSentAgain() {
        List<Response> answers = Concurrently.run(20, i -> () -> postReceipt(i, "?die=inventory"));

        int refused = 0;
        for (Response answer : answers) {
            assertThat(Stubs.receipts(answer.header("X-Request-Id"))).as("never received twice").isEqualTo(1);
            if (answer.statusCode() == 502) {
                refused++;
                answer.then().contentType("application/problem+json").body("code", equalTo("BAD_GATEWAY"));
            } else {
                answer.then().statusCode(200).body("stub", equalTo("inventory-2"));
            }
        }
        assertThat(refused).as("the requests the dying replica took are answered 502, not retried").isPositive();
    }

    @Test
    void aGetWhoseReplicaDiedBeforeAnsweringIsSentToTheOther() {
        List<String> requestIds = Concurrently.run(20, i -> () -> {
            String requestId = "die-get-" + UUID.randomUUID();
            given().auth().oauth2(TOKEN).header("X-Request-Id", requestId).get("/api/stock/items/i-1?die=inventory")
                    .then().statusCode(200).body("stub", equalTo("inventory-2"));
            return requestId;
        });

        List<Integer> receipts = requestIds.stream().map(Stubs::receipts).toList();
        assertThat(receipts).as("at most one try per replica").allSatisfy(count -> assertThat(count).isBetween(1, 2));
        assertThat(receipts).as("those the dying replica took were sent again").contains(2);
    }

    @Test
    void aReplicaThatIsNotReadyLeavesTheRotationAndComesBack() {
        Stubs.ready("orders-2", false);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(availability()).containsEntry("orders-2", 0.0));
        List<String> whileOut = Concurrently.run(20, i -> () ->
                given().auth().oauth2(TOKEN).get("/api/orders/o-1").then().statusCode(200).extract().path("stub"));
        assertThat(whileOut).containsOnly("orders");

        Stubs.ready("orders-2", true);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(availability()).containsEntry("orders-2", 1.0));
        List<String> back = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            back.add(given().auth().oauth2(TOKEN).get("/api/orders/o-1").then().statusCode(200).extract().path("stub"));
        }
        assertThat(back).contains("orders", "orders-2");
        assertThat(Stubs.healthChecks("payroll")).as("a service with one upstream is not polled").isZero();
    }

    @Test
    void everyReplicaDownGives502ThenAnOpenCircuit503ThenRecovers() {
        Stubs.stop("inventory");
        Stubs.stop("inventory-2");
        try {
            Response first = assertTimeoutPreemptively(NO_HANG, () -> postReceipt(0, ""));
            first.then().statusCode(502).contentType("application/problem+json").body("code", equalTo("BAD_GATEWAY"));

            Circuits.sendUntilOpen(UpstreamReplicasResourceTest::getItem, 2);
            given().auth().oauth2(TOKEN).get("/api/orders/o-1").then().statusCode(200);
        } finally {
            Stubs.start("inventory");
            Stubs.start("inventory-2");
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                getItem().then().statusCode(200));
    }

    @Test
    void theGatewaysOwnReadsUseWhicheverReplicaAnswers() {
        Stubs.stop("auth");
        Stubs.stop("inventory");
        // A key the gateway has not seen: the token makes it fetch the JWKS, which only auth-2 can serve now.
        String token = NewSigningKey.publishAndSign("replica-", "rotation-replica", "admin");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/orders/o-1").then().statusCode(200));

        // The only test here that reads the documents, so nothing is cached yet.
        given().get("/api-docs/openapi.json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/stub/inventory/items/{id}"));
    }

    private static Response getItem() {
        return given().auth().oauth2(TOKEN).get("/api/stock/items/i-1");
    }

    private static Response postReceipt(int i, String query) {
        return given().auth().oauth2(TOKEN).header("X-Request-Id", "receipt-" + UUID.randomUUID())
                .contentType("application/json").body(receiptBody(i)).post("/api/stock/receipts" + query);
    }

    private static String receiptBody(int i) {
        return "{\"itemId\":\"i-" + i + "\",\"quantity\":" + (i + 1) + ",\"note\":\"" + "x".repeat(200 + i) + "\"}";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The availability gauge of every upstream, keyed by the stand-in's name (gauges of gateways started earlier in
     * this JVM, for other test classes, stay in the metrics registry with their own stand-ins' URLs).
     */
    private static Map<String, Double> availability() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> byUrl = new HashMap<>();
        Matcher matcher = AVAILABLE.matcher(metrics);
        while (matcher.find()) {
            byUrl.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        Map<String, Double> byStub = new HashMap<>();
        for (String stub : ALL_STUBS) {
            Double value = byUrl.get(System.getProperty(DownstreamStubs.URL_PREFIX + stub));
            if (value != null) {
                byStub.put(stub, value);
            }
        }
        return byStub;
    }

    /** Requests {@code stub} could not take that went to another replica (the counter is per upstream URL). */
    private static double retriesAfterFailing(String stub) {
        String url = System.getProperty(DownstreamStubs.URL_PREFIX + stub);
        Matcher matcher = Pattern.compile("misty_gateway_upstream_retries_total\\{service=\"\\w+\",upstream=\""
                + Pattern.quote(url) + "\"} (\\S+)").matcher(given().get("/q/metrics").asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
