package com.misty.auth.domain;

import java.time.Instant;

/**
 * What is kept of one refresh token: its SHA-256 hash (never the token), the login it belongs to
 * ({@code familyId}) and its rotation state.
 */
public record StoredRefreshToken(String hash, String familyId, String userId, Instant issuedAt, Instant expiresAt,
                                 Instant rotatedAt, String successorHash, Instant revokedAt) {
}
