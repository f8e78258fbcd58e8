package com.misty.auth.domain;

import com.misty.platform.problem.DomainException;

import java.util.Locale;
import java.util.regex.Pattern;

/** Usernames are compared case-insensitively: "Admin" and "admin" are one account. */
public final class Usernames {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    private Usernames() {
    }

    /** The key that makes lookups and the unique index case-insensitive. */
    public static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** The rule, as users are told it. */
    public static final String RULE = "3 to 64 characters: letters, digits, '.', '_', '@' or '-'";

    public static boolean isAcceptable(String username) {
        return username != null && ALLOWED.matcher(username.strip()).matches();
    }

    public static String requireValid(String username) {
        if (!isAcceptable(username)) {
            throw DomainException.badRequest("INVALID_USERNAME", "A username has " + RULE + ".");
        }
        return username.strip();
    }
}
