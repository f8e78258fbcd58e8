package com.misty.orders.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    private static final List<String> STEPS = List.of("placement", "revision");

    private final MeterRegistry registry;

    /** Every series exists from the start (at 0), so dashboards and alerts never meet a missing one. */
    public SagaMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String step : STEPS) {
            answers(step, true);
            answers(step, false);
            retries(step);
        }
    }

    void answered(String step, boolean confirmed, Instant since, Instant now) {
        Duration took = Duration.between(since, now);
        answers(step, confirmed).record(took.isNegative() ? Duration.ZERO : took);
    }

    void retried(String step) {
        retries(step).increment();
    }

    private Timer answers(String step, boolean confirmed) {
        return Timer.builder("misty.saga.answer")
                .description("From an order's placement (or a revision's request) to inventory's answer applied")
                .tag("step", step)
                .tag("outcome", confirmed ? "confirmed" : "rejected")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(5))
                .register(registry);
    }

    private Counter retries(String step) {
        return Counter.builder("misty.saga.retries")
                .description("Saga answers applied again because the order changed between read and write")
                .tag("step", step)
                .register(registry);
    }
}
