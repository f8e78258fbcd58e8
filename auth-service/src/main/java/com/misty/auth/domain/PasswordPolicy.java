package com.misty.auth.domain;

import com.misty.contracts.auth.PasswordRules;
import com.misty.platform.problem.DomainException;

/** Enforces {@link PasswordRules} on a new password: a broken rule is a 400 {@code WEAK_PASSWORD}. */
public final class PasswordPolicy {

    private PasswordPolicy() {
    }

    public static void requireAcceptable(String password, String username) {
        PasswordRules.violation(password, username).ifPresent(rule -> {
            throw DomainException.badRequest("WEAK_PASSWORD", rule);
        });
    }
}
