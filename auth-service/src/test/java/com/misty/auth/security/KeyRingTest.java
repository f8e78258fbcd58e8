package com.misty.auth.security;

import com.misty.auth.config.AuthConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key loading without the database: configured PEM files, rotation, and prod's refusal to generate. */
class KeyRingTest {

    @Test
    void prodWithoutAConfiguredKeyRefusesToStart() {
        KeyRing ring = new KeyRing(config(Optional.empty(), Optional.empty(), Optional.empty(), true), null);
        assertThatThrownBy(ring::signingKey).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MISTY_JWT_SIGNING_KEY_FILE");
    }

    @Test
    void aConfiguredKeySignsAndARetiredKeyStaysPublished() throws Exception {
        Path dir = Files.createTempDirectory("keyring-test");
        KeyPair current = newPair();
        KeyPair retired = newPair();
        Path privateFile = write(dir.resolve("signing.pem"), "PRIVATE KEY", current.getPrivate().getEncoded());
        Path publicFile = write(dir.resolve("public.pem"), "PUBLIC KEY", current.getPublic().getEncoded());
        Path retiredFile = write(dir.resolve("retired.pem"), "PUBLIC KEY", retired.getPublic().getEncoded());

        KeyRing ring = new KeyRing(config(Optional.of(privateFile.toString()), Optional.of(publicFile.toString()),
                Optional.of(List.of(retiredFile.toString())), true), null);

        assertThat(ring.signingKey().publicKey()).isEqualTo(current.getPublic());
        List<Map<String, Object>> keys = (List<Map<String, Object>>) ring.jwks().get("keys");
        assertThat(keys).hasSize(2).allSatisfy(k -> assertThat(k).containsKeys("kid", "n", "e").doesNotContainKey("d"));
        assertThat(keys.get(0).get("kid")).isEqualTo(ring.signingKey().kid());
        assertThat(keys.get(1).get("kid")).isNotEqualTo(ring.signingKey().kid());
    }

    @Test
    void aPublicKeyThatDoesNotMatchTheSigningKeyIsAStartupError() throws Exception {
        Path dir = Files.createTempDirectory("keyring-test");
        Path privateFile = write(dir.resolve("signing.pem"), "PRIVATE KEY", newPair().getPrivate().getEncoded());
        Path otherPublic = write(dir.resolve("other.pem"), "PUBLIC KEY", newPair().getPublic().getEncoded());
        KeyRing ring = new KeyRing(config(Optional.of(privateFile.toString()), Optional.of(otherPublic.toString()),
                Optional.empty(), true), null);
        assertThatThrownBy(ring::signingKey).hasMessageContaining("does not match");
    }

    private static KeyPair newPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static Path write(Path file, String label, byte[] der) throws IOException {
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + label + "-----\n");
        return file;
    }

    private static AuthConfig config(Optional<String> signingKey, Optional<String> publicKey,
                                     Optional<List<String>> previous, boolean requireConfigured) {
        return new AuthConfig() {
            public Duration accessTokenLifetime() { return Duration.ofHours(8); }
            public Duration serviceTokenLifetime() { return Duration.ofHours(1); }
            public Duration refreshTokenLifetime() { return Duration.ofDays(30); }
            public Duration sessionLifetime() { return Duration.ofDays(30); }
            public Duration refreshGraceWindow() { return Duration.ofSeconds(10); }
            public Optional<String> signingKeyFile() { return signingKey; }
            public Optional<String> publicKeyFile() { return publicKey; }
            public Optional<List<String>> previousPublicKeyFiles() { return previous; }
            public Optional<List<String>> trustedKeyLocations() { return Optional.empty(); }
            public boolean requireConfiguredKey() { return requireConfigured; }
            public Optional<String> refreshSuccessorSecret() { return Optional.of("test-secret-test-secret-test-secret"); }
            public Optional<String> bootstrapAdminPassword() { return Optional.empty(); }
            public int bcryptCost() { return 12; }
            public Throttle throttle() { return null; }
        };
    }
}
