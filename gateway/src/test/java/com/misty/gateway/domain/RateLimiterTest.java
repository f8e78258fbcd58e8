package com.misty.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void allowsTheBurstThenTellsHowLongToWait() {
        RateLimiter limiter = new RateLimiter(3, 0.5, 100, now::get);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(2);
        assertThat(limiter.acquire("b")).as("keys are independent").isZero();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(2);
    }

    @Test
    void memoryIsBoundedByForgettingFullBuckets() {
        RateLimiter limiter = new RateLimiter(2, 1, 10, now::get);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("client-" + i)).isZero();
        }
        assertThat(limiter.trackedKeys()).isEqualTo(10);
        assertThat(limiter.acquire("newcomer")).as("no full bucket to forget: refused, map does not grow").isEqualTo(1);
        assertThat(limiter.trackedKeys()).isEqualTo(10);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(limiter.acquire("newcomer")).isZero();
        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }
}
