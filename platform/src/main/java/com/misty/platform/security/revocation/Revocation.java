package com.misty.platform.security.revocation;

import com.misty.contracts.auth.ServiceAccountRevoked;
import com.misty.contracts.auth.SessionEnded;
import com.misty.contracts.auth.SessionsRevoked;
import com.misty.contracts.auth.UserDeactivated;
import com.misty.contracts.auth.UserRoleChanged;
import com.misty.platform.events.ReceivedEvent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Access tokens of {@code subject} (or, when {@code sessionId} is set, only those of that login) issued before
 * {@code before} are void.
 */
public record Revocation(String subject, String sessionId, Instant before) {

    public Revocation {
        Objects.requireNonNull(before, "before");
        if (subject == null && sessionId == null) {
            throw new IllegalArgumentException("A revocation names a subject or a session");
        }
    }

    /**
     * What an {@code auth.events} event revokes, if anything: the one place that decides which auth event ends
     * which tokens. A role change voids the tokens carrying the old role (the next refresh gets the new one).
     */
    public static Optional<Revocation> of(ReceivedEvent event) {
        if (event.is(SessionsRevoked.class)) {
            SessionsRevoked revoked = event.payloadAs(SessionsRevoked.class);
            return Optional.of(new Revocation(revoked.userId(), null, revoked.revokedBefore()));
        }
        if (event.is(UserDeactivated.class)) {
            UserDeactivated deactivated = event.payloadAs(UserDeactivated.class);
            return Optional.of(new Revocation(deactivated.userId(), null, deactivated.at()));
        }
        if (event.is(UserRoleChanged.class)) {
            UserRoleChanged changed = event.payloadAs(UserRoleChanged.class);
            return Optional.of(new Revocation(changed.userId(), null, event.envelope().occurredAt()));
        }
        if (event.is(SessionEnded.class)) {
            SessionEnded ended = event.payloadAs(SessionEnded.class);
            return Optional.of(new Revocation(ended.userId(), ended.sessionId(), ended.at()));
        }
        if (event.is(ServiceAccountRevoked.class)) {
            ServiceAccountRevoked revoked = event.payloadAs(ServiceAccountRevoked.class);
            return Optional.of(new Revocation(revoked.accountId(), null, revoked.revokedBefore()));
        }
        return Optional.empty();
    }

    /** Whether this revocation covers the whole subject rather than one of its logins. */
    public boolean wholeSubject() {
        return sessionId == null;
    }
}
