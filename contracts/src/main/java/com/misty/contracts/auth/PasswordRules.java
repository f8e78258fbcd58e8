package com.misty.contracts.auth;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a new password acceptable, after NIST SP 800-63B: length over composition rules, no trivially
 * guessable values. The upper bound is bcrypt's: it ignores everything after 72 bytes.
 *
 * <p>Shared by auth-service, which enforces it, and the local-suite launcher, which refuses a bootstrap
 * password that auth-service would refuse before it starts anything.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    private static final int MIN_DISTINCT_CHARACTERS = 5;
    private static final Set<String> COMMON = Set.of(
            "password1234", "passwordpassword", "123456789012", "qwertyuiopas", "administrator",
            "letmein12345", "changeme1234", "welcome12345", "misty-manufacturing", "mistymanufacturing");

    private PasswordRules() {
    }

    /** The first rule {@code password} breaks, stated for the person choosing it; empty when acceptable. */
    public static Optional<String> violation(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("A password may have at most " + MAX_BYTES + " bytes.");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("A password needs at least " + MIN_DISTINCT_CHARACTERS + " different characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("This password is too common.");
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("A password must not contain the username.");
        }
        return Optional.empty();
    }
}
