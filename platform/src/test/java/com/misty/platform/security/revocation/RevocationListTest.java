package com.misty.platform.security.revocation;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.auth.ServiceAccountRevoked;
import com.misty.contracts.auth.SessionEnded;
import com.misty.contracts.auth.UserCreated;
import com.misty.contracts.auth.UserRoleChanged;
import com.misty.platform.events.ReceivedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationListTest {

    private final RevocationList list = new RevocationList();

    @Test
    void refusesTokensIssuedBeforeTheRevocationIncludingItsSecond() {
        list.revoke(new Revocation("u1", null, Instant.parse("2026-11-27T10:00:00.500Z")));
        long revokedSecond = Instant.parse("2026-11-27T10:00:00Z").getEpochSecond();
        assertThat(list.isRevoked("u1", null, revokedSecond - 60)).isTrue();
        assertThat(list.isRevoked("u1", "any-login", revokedSecond)).as("same second: cannot tell, so refuse").isTrue();
        assertThat(list.isRevoked("u1", null, revokedSecond + 1)).isFalse();
        assertThat(list.isRevoked("u2", null, revokedSecond - 60)).isFalse();
    }

    @Test
    void theLatestRevocationWinsWhateverTheOrder() {
        list.revoke(new Revocation("u1", null, Instant.parse("2026-11-27T12:00:00Z")));
        list.revoke(new Revocation("u1", null, Instant.parse("2026-11-27T09:00:00Z")));
        assertThat(list.isRevoked("u1", null, Instant.parse("2026-11-27T11:00:00Z").getEpochSecond())).isTrue();
    }

    @Test
    void aLogoutEndsOnlyThatLogin() {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        list.revoke(new Revocation("u1", "login-a", at));
        long before = at.getEpochSecond() - 10;
        assertThat(list.isRevoked("u1", "login-a", before)).isTrue();
        assertThat(list.isRevoked("u1", "login-b", before)).as("another login of the same user").isFalse();
        assertThat(list.isRevoked("u1", null, before)).isFalse();
    }

    @Test
    void everyRevokingAuthEventIsUnderstoodAndOthersAreNot() {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(Revocation.of(event(new SessionEnded("u1", "s1", at))))
                .contains(new Revocation("u1", "s1", at));
        assertThat(Revocation.of(event(new ServiceAccountRevoked("sa1", at, "secret_rotated"))))
                .contains(new Revocation("sa1", null, at));
        ReceivedEvent roleChange = event(new UserRoleChanged("u1", "employee", "admin"));
        assertThat(Revocation.of(roleChange))
                .contains(new Revocation("u1", null, roleChange.envelope().occurredAt()));
        assertThat(Revocation.of(event(new UserCreated("u1", "anna", "employee")))).isEmpty();
    }

    private static ReceivedEvent event(Object payload) {
        return new ReceivedEvent(EventEnvelope.of("agg", "test", payload), true);
    }
}
