package com.misty.orders.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * What operators watch of the order→stock saga (Prometheus names):
 * <ul>
 *   <li>{@code misty_saga_answer_seconds{step, outcome}}: from the order's placement (or a revision's request) to
 *   inventory's answer applied here; {@code outcome} confirmed or rejected, so the rejections are its count with
 *   {@code outcome="rejected"};</li>
 *   <li>{@code misty_saga_retries_total{step}}: answers applied again because the order changed meanwhile.</li>
 * </ul>
 */
@ApplicationScoped
public class SagaMetrics {

    private final MeterRegistry registry;

    public SagaMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(String step, boolean confirmed, Instant since, Instant now) {
        Timer.builder("misty.saga.answer")
                .description("From an order's placement (or a revision's request) to inventory's answer applied")
                .tag("step", step)
                .tag("outcome", confirmed ? "confirmed" : "rejected")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(5))
                .register(registry)
                .record(Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now));
    }

    void retried(String step) {
        Counter.builder("misty.saga.retries")
                .description("Saga answers applied again because the order changed between read and write")
                .tag("step", step)
                .register(registry)
                .increment();
    }
}
