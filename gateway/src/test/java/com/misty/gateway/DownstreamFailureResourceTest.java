package com.misty.gateway;

import com.misty.gateway.support.Circuits;
import com.misty.gateway.support.DownstreamStubs;
import com.misty.gateway.support.Stubs;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A stopped service gives 502 and, after repeated failures, 503 from an open circuit; a silent one gives 504
 * after the response timeout (1 s in tests). "Quickly" means: well before a client would give up, never a hang.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class DownstreamFailureResourceTest {

    private static final Duration NO_HANG = Duration.ofSeconds(5);
    private static final String TOKEN = TestTokens.accessToken("failure-tester", "admin");

    @Test
    void stoppedServiceGives502ThenAnOpenCircuit503ThenRecovers() {
        Stubs.stop("inventory");
        try {
            Response first = assertTimeoutPreemptively(NO_HANG, () -> given().auth().oauth2(TOKEN).get("/api/stock"));
            first.then().statusCode(502).contentType("application/problem+json").body("code", equalTo("BAD_GATEWAY"));

            Circuits.sendUntilOpen(() -> given().auth().oauth2(TOKEN).get("/api/stock"), 2);
            // Other services are not affected by inventory's open circuit.
            given().auth().oauth2(TOKEN).get("/api/orders").then().statusCode(200);
        } finally {
            Stubs.start("inventory");
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(TOKEN).get("/api/stock").then().statusCode(200));
    }

    @Test
    void silentServiceGives504AfterTheResponseTimeout() {
        Response response = assertTimeoutPreemptively(NO_HANG, () -> given().auth().oauth2(TOKEN).get("/api/orders/slow"));
        response.then().statusCode(504).contentType("application/problem+json").body("code", equalTo("GATEWAY_TIMEOUT"));
        given().auth().oauth2(TOKEN).get("/api/orders/o-1").then().statusCode(200);
    }
}
