package com.misty.inventory;

import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.misty.testkit.ServiceConformance.KAFKA_CHECK;
import static com.misty.testkit.ServiceConformance.MONGODB_CHECK;
import static com.misty.testkit.ServiceConformance.assertMalformedJsonIsProblem;
import static com.misty.testkit.ServiceConformance.assertOpenApiServed;
import static com.misty.testkit.ServiceConformance.assertReadyWith;
import static com.misty.testkit.ServiceConformance.assertUnknownRouteIsProblem;

/** The service boots against the real broker and the MongoDB stand-in and reports ready. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class InventoryServiceBootTest {

    @Test
    void isReadyWithMongoAndKafka() {
        assertReadyWith(MONGODB_CHECK, KAFKA_CHECK);
    }

    @Test
    void servesOpenApi() {
        assertOpenApiServed();
    }

    @Test
    void unknownRoutesAreProblemJson() {
        assertUnknownRouteIsProblem(TestTokens.accessToken("u1", "admin"));
    }

    @Test
    void malformedJsonIsProblemJson() {
        assertMalformedJsonIsProblem("POST", "/api/stock/receipts", TestTokens.accessToken("u1", "admin"));
    }
}
