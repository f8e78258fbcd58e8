package com.misty.auth.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshOutcomeTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration SESSION = Duration.ofDays(30);

    private static StoredRefreshToken token(Instant expiresAt, Instant rotatedAt, Instant revokedAt) {
        return new StoredRefreshToken("h", "f", "u", NOW.minusSeconds(60), expiresAt, rotatedAt,
                rotatedAt == null ? null : "s", revokedAt, NOW.minusSeconds(60));
    }

    @Test
    void anUnusedLiveTokenIsRotated() {
        assertThat(RefreshOutcome.of(token(NOW.plusSeconds(1), null, null), NOW, GRACE, SESSION)).isEqualTo(RefreshOutcome.ROTATE);
    }

    @Test
    void aTokenAtOrPastItsExpiryIsExpired() {
        assertThat(RefreshOutcome.of(token(NOW, null, null), NOW, GRACE, SESSION)).isEqualTo(RefreshOutcome.EXPIRED);
    }

    @Test
    void aRepeatWithinTheGraceWindowIsNotReuse() {
        assertThat(RefreshOutcome.of(token(NOW.plusSeconds(60), NOW.minusSeconds(10), null), NOW, GRACE, SESSION))
                .isEqualTo(RefreshOutcome.REPEAT_WITHIN_GRACE);
    }

    @Test
    void aRepeatAfterTheGraceWindowIsReuse() {
        assertThat(RefreshOutcome.of(token(NOW.plusSeconds(60), NOW.minusSeconds(11), null), NOW, GRACE, SESSION))
                .isEqualTo(RefreshOutcome.REUSED);
    }

    @Test
    void revocationWinsOverEverything() {
        assertThat(RefreshOutcome.of(token(NOW.plusSeconds(60), NOW.minusSeconds(1), NOW.minusSeconds(1)), NOW, GRACE, SESSION))
                .isEqualTo(RefreshOutcome.REVOKED);
    }

    @Test
    void aLoginEndsAtItsAbsoluteLifetimeHoweverFreshItsLatestToken() {
        StoredRefreshToken fresh = new StoredRefreshToken("h", "f", "u", NOW.minusSeconds(60), NOW.plus(SESSION),
                null, null, null, NOW.minus(SESSION));
        assertThat(RefreshOutcome.of(fresh, NOW, GRACE, SESSION)).isEqualTo(RefreshOutcome.EXPIRED);
        assertThat(RefreshOutcome.of(fresh, NOW.minusSeconds(1), GRACE, SESSION)).isEqualTo(RefreshOutcome.ROTATE);
    }

    @Test
    void aNewTokenNeverOutlivesItsLogin() {
        Instant started = NOW.minus(Duration.ofDays(29));
        assertThat(StoredRefreshToken.expiryOfNewToken(NOW, Duration.ofDays(30), started, SESSION))
                .isEqualTo(started.plus(SESSION));
        assertThat(StoredRefreshToken.expiryOfNewToken(NOW, Duration.ofDays(1), started, SESSION))
                .isEqualTo(NOW.plus(Duration.ofDays(1)));
    }
}
