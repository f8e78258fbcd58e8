package com.misty.platform.security;

import com.misty.testkit.TestTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A verified token is remembered by its exact string, for the TTL at most and never past its expiry. */
class RememberingJwtParserTest {

    private final CountingVerifier verifier = new CountingVerifier();
    private final MovableClock clock = new MovableClock();
    private final RememberingJwtParser parser = new RememberingJwtParser(verifier, clock, Duration.ofSeconds(60), 3);

    @Test
    void aTokenThatVerifiedIsNotCheckedAgainWithinTheTtl() throws Exception {
        String token = TestTokens.accessToken("u1", "manager");

        JsonWebToken first = parser.parse(token);
        clock.advance(Duration.ofSeconds(59));
        JsonWebToken again = parser.parse(token);

        assertThat(again.getSubject()).isEqualTo("u1");
        assertThat(again).isSameAs(first);
        assertThat(verifier.calls).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        parser.parse(token);
        assertThat(verifier.calls).as("checked again after the TTL").isEqualTo(2);
    }

    @Test
    void aTokenIsNeverRememberedPastItsExpiry() throws Exception {
        long now = clock.instant().getEpochSecond();
        String token = TestTokens.builder("u1", "manager").issuedAt(now - 100).expiresAt(now + 10).sign(TestTokens.privateKey());

        parser.parse(token);
        clock.advance(Duration.ofSeconds(9));
        parser.parse(token);
        assertThat(verifier.calls).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        parser.parse(token);

        assertThat(verifier.calls).as("past its expiry the token is checked again (which refuses it in real time)")
                .isEqualTo(2);
    }

    @Test
    void aTamperedOrForgedTokenIsCheckedAndRefusedEvenRightAfterTheGenuineOne() throws Exception {
        String token = TestTokens.accessToken("u1", "manager");
        parser.parse(token);
        String[] parts = token.split("\\.");
        String otherPayload = TestTokens.accessToken("u1", "admin").split("\\.")[1];
        String tampered = parts[0] + "." + otherPayload + "." + parts[2];
        String forged = TestTokens.builder("u1", "admin").sign(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());

        for (String bad : new String[] {tampered, forged, forged}) {
            assertThatThrownBy(() -> parser.parse(bad)).isInstanceOf(ParseException.class);
        }
        assertThat(verifier.calls).as("each bad token checked every time: a refusal is never remembered").isEqualTo(4);
    }

    @Test
    void theMemoryIsBounded() throws Exception {
        String first = TestTokens.accessToken("u0", "manager");
        parser.parse(first);
        for (int i = 1; i <= 3; i++) {
            parser.parse(TestTokens.accessToken("u" + i, "manager"));
        }
        parser.parse(first);
        assertThat(verifier.calls).as("the fourth token made room by forgetting the first").isEqualTo(5);
    }

    @Test
    void tokensThatRanOutMakeRoomBeforeTheMemoryStartsOver() throws Exception {
        long now = clock.instant().getEpochSecond();
        String lasting = TestTokens.accessToken("u0", "manager");
        parser.parse(lasting);
        for (int i = 1; i <= 2; i++) {
            parser.parse(TestTokens.builder("u" + i, "manager").issuedAt(now - 100).expiresAt(now + 5)
                    .sign(TestTokens.privateKey()));
        }
        clock.advance(Duration.ofSeconds(6));
        parser.parse(TestTokens.accessToken("u3", "manager"));
        parser.parse(lasting);
        assertThat(verifier.calls).as("the two expired entries went, the lasting one stayed").isEqualTo(4);
    }

    @Test
    void aZeroTtlRemembersNothing() throws Exception {
        RememberingJwtParser off = new RememberingJwtParser(verifier, clock, Duration.ZERO, 3);
        String token = TestTokens.accessToken("u1", "manager");
        off.parse(token);
        off.parse(token);
        assertThat(verifier.calls).isEqualTo(2);
    }

    /** SmallRye's parser checking the signature (and expiry) with the test key, counting its checks. */
    private static final class CountingVerifier extends DefaultJWTParser {
        private final PublicKey key = testPublicKey();
        int calls;

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls++;
            return verify(token, key);
        }

        private static PublicKey testPublicKey() {
            try {
                byte[] der = Base64.getDecoder().decode(Files.readString(TestTokens.publicKeyFile())
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
                return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
