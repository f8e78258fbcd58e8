package com.misty.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until auth-service's signing keys have been read: before that no token can be checked, and a gateway
 * that said it was ready would answer every signed-in user with 503 (or, worse, 401).
 */
@Readiness
@ApplicationScoped
public class SigningKeysLoadedCheck implements HealthCheck {

    private final JwksKeys keys;

    public SigningKeysLoadedCheck(JwksKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Signing keys loaded")
                .status(keys.hasKeys())
                .withData("keys", keys.all().size())
                .build();
    }
}
