package com.misty.systemtest;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite started as real processes answers through the gateway, with a real token, for every service. */
class SuiteSmokeTest {

    private final RunningSuite suite = RunningSuite.get();

    @Test
    void everyServiceAnswersThroughTheGatewayWithARealToken() {
        Session admin = suite.admin();

        assertThat(admin.get("/api/auth/me").expect(200).field("username").asText()).isEqualTo("admin");
        admin.get("/api/stock?size=1").expect(200);
        admin.get("/api/orders?size=1").expect(200);
        admin.get("/api/payroll/employees?limit=1").expect(200);
    }

    @Test
    void withoutATokenTheGatewayAnswers401ProblemJson() {
        Response response = suite.client().send("GET", "/api/stock", null, null, Map.of()).expect(401);

        assertThat(response.isProblem()).isTrue();
        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
    }
}
