package com.misty.platform.security;

import com.misty.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims judged without the key: only a token whose signature alone could refuse it counts as plausible. */
class PlausibleAccessTokenTest {

    private final PlausibleAccessToken plausible = new PlausibleAccessToken(TestTokens.ISSUER,
            List.of(TestTokens.AUDIENCE), Duration.ofSeconds(1));

    @Test
    void anAccessTokenWhoseClaimsPassIsPlausibleWhateverKeySignedIt() throws Exception {
        assertThat(plausible.test(TestTokens.accessToken("u1", "manager"))).isTrue();
        var otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        assertThat(plausible.test(TestTokens.builder("u1", "manager").sign(otherKey)))
                .as("a forged signature cannot be seen without the keys").isTrue();
    }

    @Test
    void tokensTheirClaimsRefuseAreNot() {
        long now = Instant.now().getEpochSecond();
        assertThat(plausible.test(TestTokens.builder("u1", "manager").issuedAt(now - 7200).expiresAt(now - 60).sign(
                TestTokens.privateKey()))).as("expired").isFalse();
        assertThat(plausible.test(TestTokens.builder("u1", "manager").audience("another-suite")
                .sign(TestTokens.privateKey()))).as("other audience").isFalse();
        assertThat(plausible.test(TestTokens.builder("u1", "manager").issuer("https://evil")
                .sign(TestTokens.privateKey()))).as("other issuer").isFalse();
        assertThat(plausible.test(TestTokens.builder("u1", "manager").claim(AccessTokenOnly.CLAIM, "refresh")
                .sign(TestTokens.privateKey()))).as("not an access token").isFalse();
        String payload = TestTokens.accessToken("u1", "manager").split("\\.")[1];
        assertThat(plausible.test(b64("{\"alg\":\"none\"}") + "." + payload + ".")).as("alg none").isFalse();
        assertThat(plausible.test("not.a.jwt")).isFalse();
        assertThat(plausible.test("")).isFalse();
        assertThat(plausible.test(null)).isFalse();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
