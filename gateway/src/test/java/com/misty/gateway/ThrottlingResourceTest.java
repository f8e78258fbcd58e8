package com.misty.gateway;

import com.misty.gateway.support.DownstreamStubs;
import com.misty.testkit.Concurrently;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Sign-in is throttled per client address, everything else per user; both answer 429 with Retry-After. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class ThrottlingResourceTest {

    @Test
    void loginIsThrottledPerClientAddress() {
        // The test profile allows a burst of 3 per address and endpoint, refilled at 3 a minute.
        Response refused = null;
        for (int attempt = 0; attempt < 6 && refused == null; attempt++) {
            Response response = given().contentType("application/json").body("{\"username\":\"u\",\"password\":\"p\"}")
                    .when().post("/api/auth/login");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(refused).as("a login burst beyond the limit is refused").isNotNull();
        refused.then().contentType("application/problem+json").body("code", equalTo("TOO_MANY_REQUESTS"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void requestsAreRateLimitedPerUser() {
        String busy = TestTokens.accessToken("busy-" + UUID.randomUUID(), "manager");
        List<Integer> statuses = Concurrently.run(60, i -> () ->
                given().auth().oauth2(busy).when().get("/api/stock").statusCode());
        assertThat(statuses).contains(200, 429).containsOnly(200, 429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isGreaterThanOrEqualTo(20);

        Response refused = given().auth().oauth2(busy).when().get("/api/stock");
        if (refused.statusCode() == 429) {
            assertThat(refused.header("Retry-After")).isEqualTo("1");
        }
        // Another user is not held back by the first one's burst.
        given().auth().oauth2(TestTokens.accessToken("calm-" + UUID.randomUUID(), "manager"))
                .when().get("/api/stock").then().statusCode(200);
    }
}
