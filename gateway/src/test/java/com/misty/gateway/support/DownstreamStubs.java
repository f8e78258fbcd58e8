package com.misty.gateway.support;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.contracts.auth.SessionsRevoked;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quarkus test resource: starts {@link StubServices} and points the gateway's routes at them, with timings
 * shortened so failure paths show quickly. Tests reach the stubs' control server through {@link #CONTROL}.
 */
public class DownstreamStubs implements QuarkusTestResourceLifecycleManager {

    public static final String CONTROL = "misty.test.stubs.control-url";
    /** System property prefix of each stand-in's base URL ({@code misty.test.stubs.url.inventory-2}). */
    public static final String URL_PREFIX = "misty.test.stubs.url.";

    /** A user whose sessions were revoked before the gateway started: only a replay of auth.events knows it. */
    public static final String REVOKED_BEFORE_BOOT = "revoked-before-boot";

    private StubServices stubs;

    /** After {@code MistyTestInfrastructure} (order 0): the broker must be up to publish the early revocation. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public Map<String, String> start() {
        stubs = StubServices.start(replicas());
        if (!authUpAtStart()) {
            stubs.stop("auth");
        }
        SuiteEvents.publish(System.getProperty("misty.test.kafka.bootstrap-servers"), Topics.AUTH_EVENTS,
                EventEnvelope.of(REVOKED_BEFORE_BOOT, "auth-service", new SessionsRevoked(REVOKED_BEFORE_BOOT,
                        Instant.now(), "logout-all")));
        System.setProperty(CONTROL, stubs.controlUrl());
        Map<String, String> config = new HashMap<>();
        for (String service : StubServices.SERVICES) {
            StringBuilder urls = new StringBuilder(stubs.url(service));
            replicas().stream().filter(replica -> replica.startsWith(service + "-"))
                    .forEach(replica -> urls.append(',').append(stubs.url(replica)));
            config.put("misty.gateway.routes." + service, urls.toString());
        }
        for (String stub : stubs.names()) {
            System.setProperty(URL_PREFIX + stub, stubs.url(stub));
        }
        config.put("misty.gateway.proxy.connect-timeout", "500ms");
        config.put("misty.gateway.proxy.response-timeout", "1s");
        config.put("misty.gateway.proxy.max-body-bytes", "65536");
        config.put("misty.gateway.circuit-breaker.failure-threshold", "3");
        config.put("misty.gateway.circuit-breaker.open-for", "2s");
        config.put("misty.gateway.jwt.jwks-min-refetch-interval", "5s");
        config.put("misty.gateway.throttle.credential-burst", "3");
        config.put("misty.gateway.throttle.credential-per-minute", "3");
        config.put("misty.gateway.throttle.user-burst", "20");
        config.put("misty.gateway.throttle.user-per-second", "5");
        config.put("misty.gateway.live.heartbeat", "1s");
        config.put("misty.gateway.live.replay-buffer-size", "16");
        // A Capacitor iOS shell (the phone app) sends this origin; it is listed like any web origin.
        config.put("quarkus.http.cors.origins", "http://ui.misty.test,capacitor://localhost");
        config.put("quarkus.log.category.\"com.misty.gateway.messaging\".level", "DEBUG");
        configure(config);
        return config;
    }

    /** Second (third, ...) stand-ins of a service, {@code <service>-<n>}, listed after the first in its route. */
    protected List<String> replicas() {
        return List.of();
    }

    /** Settings a variant adds or overrides. */
    protected void configure(Map<String, String> config) {
    }

    /** Whether the auth stand-in (and so the JWKS) answers when the gateway starts. */
    protected boolean authUpAtStart() {
        return true;
    }

    @Override
    public void stop() {
        if (stubs != null) {
            stubs.close();
        }
    }
}
