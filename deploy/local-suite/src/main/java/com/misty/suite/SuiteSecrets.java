package com.misty.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local suite's secrets, made once in the data directory and reused: the RS256 signing key of
 * auth-service and the bootstrap admin password. Nothing secret is ever in the repository; in compose and
 * Kubernetes these come from a .env file or Secrets instead.
 */
record SuiteSecrets(Path signingKey, Path publicKey, String adminPassword) {

    static SuiteSecrets ensure(Path dataDir, String adminPasswordFromEnv) {
        Path keys = dataDir.resolve("keys");
        Path signingKey = keys.resolve("jwt-signing-key.pem");
        Path publicKey = keys.resolve("jwt-public-key.pem");
        Path passwordFile = keys.resolve("admin-password");
        try {
            Files.createDirectories(keys);
            if (!Files.exists(signingKey) || !Files.exists(publicKey)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writePrivate(signingKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            String password = adminPasswordFromEnv;
            if (password == null || password.isBlank()) {
                if (!Files.exists(passwordFile)) {
                    byte[] random = new byte[12];
                    new SecureRandom().nextBytes(random);
                    writePrivate(passwordFile, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                }
                password = Files.readString(passwordFile).strip();
            }
            return new SuiteSecrets(signingKey, publicKey, password);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new LaunchException("cannot prepare keys in " + keys + ": " + e.getMessage());
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without POSIX permissions
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
