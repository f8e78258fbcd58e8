package com.misty.auth.domain;

import com.misty.platform.problem.DomainException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Rules for new passwords, after NIST SP 800-63B: length over composition rules, no trivially guessable
 * values. The upper bound is bcrypt's: it ignores everything after 72 bytes.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    private static final int MIN_DISTINCT_CHARACTERS = 5;
    private static final Set<String> COMMON = Set.of(
            "password1234", "passwordpassword", "123456789012", "qwertyuiopas", "administrator",
            "letmein12345", "changeme1234", "welcome12345", "misty-manufacturing", "mistymanufacturing");

    private PasswordPolicy() {
    }

    public static void requireAcceptable(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw weak("A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw weak("A password may have at most " + MAX_BYTES + " bytes.");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            throw weak("A password needs at least " + MIN_DISTINCT_CHARACTERS + " different characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw weak("This password is too common.");
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw weak("A password must not contain the username.");
        }
    }

    private static DomainException weak(String detail) {
        return DomainException.badRequest("WEAK_PASSWORD", detail);
    }
}
