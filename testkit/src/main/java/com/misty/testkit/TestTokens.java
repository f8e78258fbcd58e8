package com.misty.testkit;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Mints RS256 access tokens for tests, signed with a key pair generated once per test JVM (never committed).
 *
 * <p>The pair lives in files named by system properties because the test and the Quarkus application under
 * test load this class through different class loaders; system properties are the one thing they share.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.misty.local";
    public static final String AUDIENCE = "misty-suite";
    private static final String PRIVATE_KEY_FILE = "misty.test.jwt.private-key-file";
    private static final String PUBLIC_KEY_FILE = "misty.test.jwt.public-key-file";

    private TestTokens() {
    }

    /** An access token for {@code userId} with the given roles, valid for an hour. */
    public static String accessToken(String userId, String... roles) {
        return builder(userId, roles).sign(privateKey());
    }

    /** A token builder pre-filled like auth-service fills its access tokens, for tests that tamper with claims. */
    public static io.smallrye.jwt.build.JwtClaimsBuilder builder(String userId, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId)
                .upn(userId)
                .groups(Set.of(roles))
                .claim("jti", UUID.randomUUID().toString())
                .claim("token_use", "access")
                .expiresIn(Duration.ofHours(1));
    }

    /** The PEM file with the public key services must verify test tokens with. */
    public static synchronized Path publicKeyFile() {
        ensureKeyPair();
        return Path.of(System.getProperty(PUBLIC_KEY_FILE));
    }

    public static PrivateKey privateKey() {
        ensureKeyPair();
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(Path.of(System.getProperty(PRIVATE_KEY_FILE)))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test private key", e);
        }
    }

    private static synchronized void ensureKeyPair() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PRIVATE_KEY_FILE) != null) {
                return;
            }
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Path dir = Files.createTempDirectory("misty-test-jwt");
                dir.toFile().deleteOnExit();
                Path privateFile = write(dir.resolve("private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
                Path publicFile = write(dir.resolve("public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
                System.setProperty(PUBLIC_KEY_FILE, publicFile.toString());
                System.setProperty(PRIVATE_KEY_FILE, privateFile.toString());
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("Cannot create the test key pair", e);
            }
        }
    }

    private static Path write(Path file, String label, byte[] der) throws IOException {
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
        Files.writeString(file, pem);
        file.toFile().deleteOnExit();
        return file;
    }
}
