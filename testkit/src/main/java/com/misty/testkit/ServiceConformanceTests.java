package com.misty.testkit;

import org.junit.jupiter.api.Test;

import static com.misty.testkit.ServiceConformance.KAFKA_CHECK;
import static com.misty.testkit.ServiceConformance.MONGODB_CHECK;
import static com.misty.testkit.ServiceConformance.SIGNING_KEYS_CHECK;

/**
 * The boot checks every MongoDB-backed service runs: ready with MongoDB, Kafka and the signing keys, OpenAPI served, unknown
 * routes and malformed JSON answered with problem+json. A service's test extends it and adds
 * {@code @QuarkusTest @WithTestResource(MistyTestInfrastructure.class)}.
 */
public abstract class ServiceConformanceTests {

    /** A path of this service that takes a JSON body by POST, to send malformed JSON to. */
    protected abstract String jsonPostPath();

    @Test
    void isReadyWithMongoKafkaAndSigningKeys() {
        ServiceConformance.assertReadyWith(MONGODB_CHECK, KAFKA_CHECK, SIGNING_KEYS_CHECK);
    }

    @Test
    void servesOpenApi() {
        ServiceConformance.assertOpenApiServed();
    }

    @Test
    void unknownRoutesAreProblemJson() {
        ServiceConformance.assertUnknownRouteIsProblem(TestTokens.accessToken("u1", "admin"));
    }

    @Test
    void malformedJsonIsProblemJson() {
        ServiceConformance.assertMalformedJsonIsProblem("POST", jsonPostPath(), TestTokens.accessToken("u1", "admin"));
    }
}
