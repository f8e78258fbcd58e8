package com.misty.gateway.domain;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per user, the moment before which their access tokens are no longer accepted (from {@code SessionsRevoked}
 * and {@code UserDeactivated}). Only the latest moment matters, so replaying the history in any order gives
 * the same result.
 */
public final class RevocationList {

    private final Map<String, Instant> revokedBefore = new ConcurrentHashMap<>();

    public void revoke(String userId, Instant before) {
        revokedBefore.merge(userId, before, (current, next) -> next.isAfter(current) ? next : current);
    }

    /**
     * Whether a token of {@code userId} issued at {@code issuedAtSeconds} is revoked. {@code iat} has whole-second
     * precision, so a token minted in the same second as the revocation is refused too: when in doubt, refuse;
     * the client simply refreshes again.
     */
    public boolean isRevoked(String userId, long issuedAtSeconds) {
        Instant before = revokedBefore.get(userId);
        return before != null && issuedAtSeconds * 1000 <= before.toEpochMilli();
    }

    public int size() {
        return revokedBefore.size();
    }
}
