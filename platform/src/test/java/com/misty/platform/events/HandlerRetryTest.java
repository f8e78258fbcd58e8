package com.misty.platform.events;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.orders.OrderCancelled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandlerRetryTest {

    private static final ReceivedEvent EVENT = new ReceivedEvent(
            EventEnvelope.of("o1", "test", new OrderCancelled("o1", "customer asked")), true);

    @Test
    void retriesOnTheSameEventUntilTheHandlerSucceedsAndTellsTheListenerEachTime() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> told = new ArrayList<>();
        HandlerRetry.backoff(Duration.ofMillis(1), Duration.ofMillis(2))
                .onRetry((event, attempt, failure) -> told.add(attempt))
                .run(EVENT, event -> {
                    if (calls.incrementAndGet() < 4) {
                        throw new IllegalStateException("database away");
                    }
                });
        assertThat(calls).hasValue(4);
        assertThat(told).containsExactly(1, 2, 3);
    }

    @Test
    void withALimitTheLastFailureFailsTheRecord() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> HandlerRetry.backoff(Duration.ofMillis(1), Duration.ofMillis(1)).atMost(3)
                .run(EVENT, event -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("still away");
                })).hasMessage("still away");
        assertThat(calls).hasValue(3);
    }

    @Test
    void withADeadlineItGivesUpOnceItPassed() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> HandlerRetry.backoff(Duration.ofMillis(5), Duration.ofMillis(5))
                .giveUpAfter(Duration.ofMillis(30))
                .run(EVENT, event -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("still away");
                })).hasMessage("still away");
        assertThat(calls.get()).isGreaterThan(1);
    }
}
