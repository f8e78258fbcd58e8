package com.misty.gateway.rest;

import com.misty.gateway.domain.Downstream;
import com.misty.gateway.domain.Upstream;
import com.misty.gateway.domain.UpstreamSet;
import com.misty.gateway.live.LiveEventHub;
import com.misty.gateway.proxy.Upstreams;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The gateway's own metrics beside Quarkus' HTTP server timer (per service area, see
 * {@code quarkus.micrometer.binder.http-server.match-patterns}): latency histograms of every route for
 * {@code histogram_quantile}, the number of open live-event streams, per upstream (replica) of each service
 * whether it is in rotation and how many of its requests were retried on another upstream, and (through the shared problem counter)
 * throttled requests as {@code misty_problems_total{status="429",code="TOO_MANY_REQUESTS"}}.
 */
@ApplicationScoped
public class GatewayMetrics {

    static final String OPEN_STREAMS = "misty.gateway.sse.open.streams";
    static final String UPSTREAM_AVAILABLE = "misty.gateway.upstream.available";
    static final String UPSTREAM_RETRIES = "misty.gateway.upstream.retries";

    void onStart(@Observes StartupEvent event, MeterRegistry registry, LiveEventHub hub, Upstreams upstreams) {
        Gauge.builder(OPEN_STREAMS, hub, LiveEventHub::openStreams)
                .description("Open Server-Sent Events streams (/api/events/stream)")
                .strongReference(true).register(registry);
        for (Downstream service : Downstream.values()) {
            UpstreamSet set = upstreams.of(service);
            String name = Upstreams.name(service);
            for (Upstream upstream : set.upstreams()) {
                Gauge.builder(UPSTREAM_AVAILABLE, upstream, u -> u.available() ? 1 : 0)
                        .description("1 while the upstream is in rotation (readiness passing, circuit not open)")
                        .tags("service", name, "upstream", upstream.url())
                        .strongReference(true).register(registry);
                FunctionCounter.builder(UPSTREAM_RETRIES, upstream, Upstream::requestsSentElsewhere)
                        .description("Requests this upstream could not take (refused, or broke off a safe request), sent on to another")
                        .tags("service", name, "upstream", upstream.url()).register(registry);
            }
        }
    }

    /** Histogram buckets for the HTTP server timer, 5 ms to 10 s: per-route latency quantiles in Prometheus. */
    @Produces
    @Singleton
    MeterFilter httpLatencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000),
                                ms(2500), ms(5000), ms(10000))
                        .build().merge(config);
            }
        };
    }

    private static double ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
