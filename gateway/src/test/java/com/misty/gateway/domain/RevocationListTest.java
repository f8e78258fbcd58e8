package com.misty.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationListTest {

    private final RevocationList list = new RevocationList();

    @Test
    void refusesTokensIssuedBeforeTheRevocationIncludingItsSecond() {
        list.revoke("u1", Instant.parse("2026-11-27T10:00:00.500Z"));
        long revokedSecond = Instant.parse("2026-11-27T10:00:00Z").getEpochSecond();
        assertThat(list.isRevoked("u1", revokedSecond - 60)).isTrue();
        assertThat(list.isRevoked("u1", revokedSecond)).as("same second: cannot tell, so refuse").isTrue();
        assertThat(list.isRevoked("u1", revokedSecond + 1)).isFalse();
        assertThat(list.isRevoked("u2", revokedSecond - 60)).isFalse();
    }

    @Test
    void theLatestRevocationWinsWhateverTheOrder() {
        list.revoke("u1", Instant.parse("2026-11-27T12:00:00Z"));
        list.revoke("u1", Instant.parse("2026-11-27T09:00:00Z"));
        assertThat(list.isRevoked("u1", Instant.parse("2026-11-27T11:00:00Z").getEpochSecond())).isTrue();
    }
}
