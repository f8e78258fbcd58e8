package com.misty.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.secondsUntilRetry()).isEqualTo(10);
    }

    @Test
    void letsOneTrialThroughAfterTheOpenPeriod() {
        tripOpen();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aFailedTrialOpensAgainAtOnce() {
        tripOpen();
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    private void tripOpen() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
    }

    @Test
    void aTrialGivenBackWithoutAVerdictLetsTheNextRequestBeTheTrial() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onFailure();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.refusing()).as("the trial is out").isTrue();
        assertThat(breaker.tryAcquire()).isFalse();

        breaker.release(); // its client went away before the service answered
        assertThat(breaker.refusing()).isFalse();
        assertThat(breaker.tryAcquire()).as("a new trial, not a circuit stuck half open").isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void refusingOnlyReadsTheState() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.refusing()).isTrue();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breaker.refusing()).as("due a trial").isFalse();
        assertThat(breaker.state()).as("no trial started by asking").isEqualTo(CircuitBreaker.State.OPEN);
    }
}
