package com.misty.auth.domain;

import java.time.Duration;
import java.time.Instant;

/** What presenting a stored refresh token means, decided from its state alone. */
public enum RefreshOutcome {
    /** Not yet used: rotate it to its successor. */
    ROTATE,
    /** Rotated moments ago (another tab, a retried request): hand out the same successor again. */
    REPEAT_WITHIN_GRACE,
    /** Rotated longer ago: someone replays an old token, so the whole login is treated as stolen. */
    REUSED,
    EXPIRED,
    REVOKED;

    public static RefreshOutcome of(StoredRefreshToken token, Instant now, Duration graceWindow,
                                    Duration sessionLifetime) {
        if (token.revokedAt() != null) {
            return REVOKED;
        }
        if (token.rotatedAt() != null) {
            return now.isAfter(token.rotatedAt().plus(graceWindow)) ? REUSED : REPEAT_WITHIN_GRACE;
        }
        if (!now.isBefore(token.usableUntil(sessionLifetime))) {
            return EXPIRED;
        }
        return ROTATE;
    }
}
