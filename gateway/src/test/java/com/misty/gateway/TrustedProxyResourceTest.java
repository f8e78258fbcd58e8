package com.misty.gateway;

import com.misty.gateway.support.DownstreamStubs;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Behind a trusted load balancer (here: the test client's loopback address is configured as one), the sign-in
 * throttle and the X-Forwarded-* headers sent on use the client named by X-Forwarded-For, not the balancer.
 */
@QuarkusTest
@TestProfile(TrustedProxyResourceTest.BehindALoadBalancer.class)
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class TrustedProxyResourceTest {

    public static class BehindALoadBalancer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("misty.gateway.trusted-proxies", "127.0.0.0/8,::1");
        }
    }

    @Test
    void theSignInThrottleCountsEachForwardedClientSeparately() {
        String first = randomClient();
        String second = randomClient();
        // The test setup allows a burst of 3 sign-ins per address and endpoint.
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(login(first).statusCode()).isEqualTo(200);
        }
        Response refused = login(first);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        // Same balancer, another client: not held back by the first one.
        assertThat(login(second).statusCode()).isEqualTo(200);
        // A client cannot dodge the limit by prepending addresses of its own: the right-most untrusted one counts.
        assertThat(login("6.6.6.6, " + first).statusCode()).isEqualTo(429);
    }

    @Test
    void theServiceSeesTheForwardedClientAndScheme() {
        given().auth().oauth2(TestTokens.accessToken("lb-user", "admin"))
                .header("X-Forwarded-For", "198.51.100.1, 203.0.113.9, 127.0.0.1")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "suite.misty.example")
                .when().get("/api/orders")
                .then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("203.0.113.9"))
                .body("headers.x-forwarded-proto", equalTo("https"))
                .body("headers.x-forwarded-host", equalTo("suite.misty.example"));
    }

    private static Response login(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor)
                .contentType("application/json").body("{\"username\":\"u\",\"password\":\"p\"}")
                .when().post("/api/auth/login");
    }

    private static String randomClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }
}
