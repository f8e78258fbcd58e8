package com.misty.auth.domain;

import java.time.Instant;

/**
 * A person who logs in. {@code passwordHash} never leaves the service; it is null for a user imported from the
 * original system with a hash this suite cannot verify, who cannot sign in until an administrator resets it.
 */
public record User(String id, String username, String role, String fullName, String email, boolean active,
                   long version, Instant createdAt, String passwordHash, Instant sessionsRevokedAt) {

    public boolean mustResetPassword() {
        return passwordHash == null;
    }
}
