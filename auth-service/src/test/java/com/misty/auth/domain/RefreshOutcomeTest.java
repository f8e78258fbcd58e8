package com.misty.auth.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshOutcomeTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(10);

    private static StoredRefreshToken token(Instant expiresAt, Instant rotatedAt, Instant revokedAt) {
        return new StoredRefreshToken("h", "f", "u", NOW.minusSeconds(60), expiresAt, rotatedAt,
                rotatedAt == null ? null : "s", revokedAt);
    }

    @Test
    void anUnusedLiveTokenIsRotated() {
        assertThat(RefreshOutcome.of(token(NOW.plusSeconds(1), null, null), NOW, GRACE)).isEqualTo(RefreshOutcome.ROTATE);
    }

    @Test
    void aTokenAtOrPastItsExpiryIsExpired() {
        assertThat(RefreshOutcome.of(token(NOW, null, null), NOW, GRACE)).isEqualTo(RefreshOutcome.EXPIRED);
    }

    @Test
    void aRepeatWithinTheGraceWindowIsNotReuse() {
        assertThat(RefreshOutcome.of(token(NOW.plusSeconds(60), NOW.minusSeconds(10), null), NOW, GRACE))
                .isEqualTo(RefreshOutcome.REPEAT_WITHIN_GRACE);
    }

    @Test
    void aRepeatAfterTheGraceWindowIsReuse() {
        assertThat(RefreshOutcome.of(token(NOW.plusSeconds(60), NOW.minusSeconds(11), null), NOW, GRACE))
                .isEqualTo(RefreshOutcome.REUSED);
    }

    @Test
    void revocationWinsOverEverything() {
        assertThat(RefreshOutcome.of(token(NOW.plusSeconds(60), NOW.minusSeconds(1), NOW.minusSeconds(1)), NOW, GRACE))
                .isEqualTo(RefreshOutcome.REVOKED);
    }
}
