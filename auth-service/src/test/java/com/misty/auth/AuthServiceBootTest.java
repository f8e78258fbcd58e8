package com.misty.auth;

import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.ServiceConformanceTests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The service boots against the real broker and the MongoDB stand-in, reports ready and answers problem+json. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class AuthServiceBootTest extends ServiceConformanceTests {

    @Override
    protected String jsonPostPath() {
        return "/api/auth/login";
    }

    @Override
    protected String authenticatedPath() {
        return "/api/auth/logout";
    }

    /** Every other endpoint looks the caller up in the database; logout without a login ({@code sid}) does not. */
    @Override
    protected int authenticatedRequestStatus(RequestSpecification request) {
        return request.when().post(authenticatedPath()).statusCode();
    }
}
