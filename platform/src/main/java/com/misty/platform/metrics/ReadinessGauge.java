package com.misty.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code misty_ready}: 1 while the service's readiness ({@code /q/health/ready}) is UP, else 0, so an alert can say
 * "not ready" rather than only "not reachable". The checks run every {@value #EVERY_SECONDS} s on a thread of their
 * own, never on the scrape (they talk to MongoDB and Kafka).
 */
@ApplicationScoped
public class ReadinessGauge {

    static final long EVERY_SECONDS = 10;
    private volatile double ready;
    private ScheduledExecutorService timer;

    void onStart(@Observes StartupEvent event, MeterRegistry registry, SmallRyeHealthReporter health) {
        Gauge.builder("misty.ready", this, gauge -> gauge.ready)
                .description("1 while the readiness checks are UP, 0 otherwise (checked every 10 s)")
                .strongReference(true).register(registry);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "readiness-gauge");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> health.getReadinessAsync().subscribe().with(
                result -> ready = result.isDown() ? 0 : 1, failure -> ready = 0), 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
