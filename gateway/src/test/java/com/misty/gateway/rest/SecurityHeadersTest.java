package com.misty.gateway.rest;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {

    @Test
    void aPagesOwnContentSecurityPolicyIsKeptAndGetsNoFramingAdded() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("Content-Security-Policy", "default-src 'self'; script-src 'self';");
        new SecurityHeaders(false, Duration.ofDays(365)).apply(headers, "/");
        assertThat(headers.get("Content-Security-Policy"))
                .isEqualTo("default-src 'self'; script-src 'self'; frame-ancestors 'none'");
    }

    @Test
    void aPolicyThatAlreadyRulesFramingIsLeftAlone() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'");
        new SecurityHeaders(false, Duration.ofDays(365)).apply(headers, "/");
        assertThat(headers.get("Content-Security-Policy")).isEqualTo("default-src 'self'; frame-ancestors 'self'");
    }

    @Test
    void hstsOnlyWhenTheOperatorSaysTheSuiteIsBehindTls() {
        MultiMap off = MultiMap.caseInsensitiveMultiMap();
        new SecurityHeaders(false, Duration.ofDays(365)).apply(off, "/api/stock");
        assertThat(off.get("Strict-Transport-Security")).isNull();

        MultiMap on = MultiMap.caseInsensitiveMultiMap();
        new SecurityHeaders(true, Duration.ofDays(180)).apply(on, "/api/stock");
        assertThat(on.get("Strict-Transport-Security")).isEqualTo("max-age=15552000; includeSubDomains");
    }

    @Test
    void onlyAuthAnswersButTheKeySetsAreMarkedNoStore() {
        assertThat(SecurityHeaders.carriesCredentials("/api/auth/login")).isTrue();
        assertThat(SecurityHeaders.carriesCredentials("/api/auth/users/42/password-reset")).isTrue();
        assertThat(SecurityHeaders.carriesCredentials("/api/auth/jwks")).isFalse();
        assertThat(SecurityHeaders.carriesCredentials("/api/stock")).isFalse();
    }
}
