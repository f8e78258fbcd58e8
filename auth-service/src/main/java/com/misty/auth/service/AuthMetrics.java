package com.misty.auth.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What an operator watches of sign-in and sessions ({@code /q/metrics}): failed sign-ins, lockouts (per account or
 * address), refresh-token reuse detections (a stolen or replayed token: alert on any), and revocations by reason.
 */
@ApplicationScoped
public class AuthMetrics {

    /** Every series at 0 from the start, so dashboards and alerts find them before the first event. */
    void registerAtStart(@Observes StartupEvent event) {
        Metrics.globalRegistry.counter("misty.auth.signin.failures");
        for (String scope : new String[] {"account", "account_at_address", "address"}) {
            Counter.builder("misty.auth.lockouts").tag("scope", scope).register(Metrics.globalRegistry);
        }
        Metrics.globalRegistry.counter("misty.auth.refresh.reuse.detections");
        Counter.builder("misty.auth.revocations").tag("reason", "refresh_token_reuse").register(Metrics.globalRegistry);
    }

    static void signInFailed() {
        Counter.builder("misty.auth.signin.failures").description("Sign-ins refused for a wrong username or password")
                .register(Metrics.globalRegistry).increment();
    }

    static void lockedOut(String scope) {
        Counter.builder("misty.auth.lockouts").description("Lockouts after repeated failed sign-ins")
                .tag("scope", scope).register(Metrics.globalRegistry).increment();
    }

    static void refreshTokenReuseDetected() {
        Counter.builder("misty.auth.refresh.reuse.detections")
                .description("Rotated refresh tokens presented again: the session family was revoked")
                .register(Metrics.globalRegistry).increment();
    }

    static void revoked(String reason) {
        Counter.builder("misty.auth.revocations").description("Sessions and accounts revoked, by reason")
                .tag("reason", reason).register(Metrics.globalRegistry).increment();
    }
}
