package com.misty.auth.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottlePolicyTest {

    private final LoginThrottlePolicy policy = new LoginThrottlePolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(15));

    @Test
    void toleratesTheFreeFailures() {
        assertThat(policy.lockoutAfter(5)).isEmpty();
    }

    @Test
    void lockoutDoublesWithEachFurtherFailureUpToTheCeiling() {
        assertThat(policy.lockoutAfter(6)).contains(Duration.ofSeconds(2));
        assertThat(policy.lockoutAfter(7)).contains(Duration.ofSeconds(4));
        assertThat(policy.lockoutAfter(10)).contains(Duration.ofSeconds(32));
        assertThat(policy.lockoutAfter(1_000)).contains(Duration.ofMinutes(15));
    }
}
