package com.misty.gateway;

import com.misty.gateway.support.DownstreamStubs;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.misty.testkit.ServiceConformance.KAFKA_CHECK;
import static com.misty.testkit.ServiceConformance.SIGNING_KEYS_CHECK;
import static com.misty.testkit.ServiceConformance.assertOpenApiServed;
import static com.misty.testkit.ServiceConformance.assertReadyWith;
import static com.misty.testkit.ServiceConformance.assertUnknownRouteIsProblem;

/** The gateway boots against the real broker (it owns no database) and reports ready. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class GatewayBootTest {

    @Test
    void isReadyWithKafkaSigningKeysAndReplayedRevocations() {
        assertReadyWith(KAFKA_CHECK, SIGNING_KEYS_CHECK, "Revocations replayed");
    }

    @Test
    void servesOpenApi() {
        assertOpenApiServed();
    }

    @Test
    void unknownRoutesAreProblemJson() {
        assertUnknownRouteIsProblem(TestTokens.accessToken("boot-user", "admin"));
    }
}
