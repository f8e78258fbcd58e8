package com.misty.platform.security.revocation;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per token subject (a user or a service account) and per login ({@code sid}), the moment before which access
 * tokens are no longer accepted. Only the latest moment of each key matters, so replaying the history in any
 * order gives the same result.
 */
public final class RevocationList {

    private final Map<String, Instant> bySubject = new ConcurrentHashMap<>();
    private final Map<String, Instant> bySession = new ConcurrentHashMap<>();

    public void revoke(Revocation revocation) {
        Map<String, Instant> target = revocation.sessionId() == null ? bySubject : bySession;
        String key = revocation.sessionId() == null ? revocation.subject() : revocation.sessionId();
        target.merge(key, revocation.before(), (current, next) -> next.isAfter(current) ? next : current);
    }

    /**
     * Whether a token of {@code subject} (login {@code sessionId}, may be null) issued at {@code issuedAtSeconds}
     * is revoked. {@code iat} has whole-second precision, so a token minted in the same second as the revocation
     * is refused too: when in doubt, refuse; the client simply refreshes again.
     */
    public boolean isRevoked(String subject, String sessionId, long issuedAtSeconds) {
        return refuses(bySubject.get(subject), issuedAtSeconds)
                || (sessionId != null && refuses(bySession.get(sessionId), issuedAtSeconds));
    }

    private static boolean refuses(Instant before, long issuedAtSeconds) {
        return before != null && issuedAtSeconds * 1000 <= before.toEpochMilli();
    }

    /** Subjects and logins with a revocation. */
    public int size() {
        return bySubject.size() + bySession.size();
    }
}
