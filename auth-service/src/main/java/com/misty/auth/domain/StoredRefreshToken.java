package com.misty.auth.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What is kept of one refresh token: its SHA-256 hash (never the token), the login it belongs to
 * ({@code familyId}, signed in at {@code familyStartedAt}) and its rotation state.
 */
public record StoredRefreshToken(String hash, String familyId, String userId, Instant issuedAt, Instant expiresAt,
                                 Instant rotatedAt, String successorHash, Instant revokedAt, Instant familyStartedAt) {

    /** When the login began; a token stored before that was recorded counts from its own issue. */
    public Instant loginStartedAt() {
        return familyStartedAt != null ? familyStartedAt : issuedAt;
    }

    /** The end of this token's use: its own expiry, or the login's absolute end if that comes first. */
    public Instant usableUntil(Duration sessionLifetime) {
        Instant loginEnds = loginStartedAt().plus(sessionLifetime);
        return expiresAt.isBefore(loginEnds) ? expiresAt : loginEnds;
    }

    /** The expiry of a token issued at {@code now} in a login that began at {@code loginStartedAt}. */
    public static Instant expiryOfNewToken(Instant now, Duration tokenLifetime, Instant loginStartedAt,
                                           Duration sessionLifetime) {
        Instant tokenEnds = now.plus(tokenLifetime);
        Instant loginEnds = loginStartedAt.plus(sessionLifetime);
        return tokenEnds.isBefore(loginEnds) ? tokenEnds : loginEnds;
    }
}
