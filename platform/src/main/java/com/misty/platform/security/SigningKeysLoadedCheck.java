package com.misty.platform.security;

import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the keys that check access tokens are loaded: a service that cannot check a token cannot serve. */
@Readiness
@ApplicationScoped
@UnlessBuildProperty(name = SigningKeys.ENABLED, stringValue = "false", enableIfMissing = true)
public class SigningKeysLoadedCheck implements HealthCheck {

    private final SigningKeys keys;

    public SigningKeysLoadedCheck(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Signing keys loaded").status(keys.loaded()).build();
    }
}
