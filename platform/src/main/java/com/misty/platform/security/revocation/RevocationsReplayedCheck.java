package com.misty.platform.security.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the revocation history has been read: before that every authenticated request gets 503. */
@Readiness
@ApplicationScoped
public class RevocationsReplayedCheck implements HealthCheck {

    private final Revocations revocations;

    public RevocationsReplayedCheck(Revocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Revocations replayed")
                .status(revocations.isReplayed())
                .withData("revoked_users", revocations.revokedUsers())
                .build();
    }
}
