package com.misty.testkit.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a {@link ContractValidationFilter} in front of RestAssured before every {@code @QuarkusTest} method of every
 * module that has the validator on its test classpath (the services add
 * {@code com.atlassian.oai:swagger-request-validator-restassured}): so every request a service test sends, and
 * every answer it gets, is checked against that service's own OpenAPI document, and a new endpoint is covered
 * without a line of its tests knowing. Registered through {@code META-INF/services}. The document is read again
 * for each test class (a test profile may restart the service with other settings).
 */
public class ContractValidation implements QuarkusTestBeforeEachCallback {

    /** Set to {@code false} (system property) to run a module's tests without the contract check. */
    public static final String ENABLED_PROPERTY = "misty.test.contract-validation";

    private static Class<?> currentTestClass;
    private static ContractValidationFilter current;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!validatorPresent() || "false".equals(System.getProperty(ENABLED_PROPERTY))) {
            return;
        }
        install(context.getTestInstance().getClass());
    }

    private static synchronized void install(Class<?> testClass) {
        if (current == null || currentTestClass != testClass) {
            current = new ContractValidationFilter(); // reads the document at its first request
            currentTestClass = testClass;
        }
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(f -> f instanceof ContractValidationFilter);
        filters.add(current);
        RestAssured.replaceFiltersWith(filters);
    }

    private static boolean validatorPresent() {
        try {
            Class.forName("com.atlassian.oai.validator.restassured.RestAssuredRequest", false,
                    ContractValidation.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
