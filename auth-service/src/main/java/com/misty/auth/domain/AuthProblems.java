package com.misty.auth.domain;

import com.misty.platform.problem.DomainException;

/** The authentication outcomes the service answers with; wording reveals nothing about which check failed. */
public final class AuthProblems {

    private AuthProblems() {
    }

    /** Unknown user and wrong password get this same answer. */
    public static DomainException invalidCredentials() {
        return new DomainException(401, "INVALID_CREDENTIALS", "Incorrect username or password");
    }

    public static DomainException invalidRefreshToken() {
        return new DomainException(401, "INVALID_REFRESH_TOKEN", "The refresh token is invalid, expired or revoked.");
    }

    public static DomainException refreshTokenReused() {
        return new DomainException(401, "REFRESH_TOKEN_REUSED",
                "This refresh token was already used; the session has been revoked. Please log in again.");
    }

    public static DomainException accountDisabled() {
        return new DomainException(403, "ACCOUNT_DISABLED", "This account is disabled.");
    }

    public static DomainException invalidClient() {
        return new DomainException(401, "INVALID_CLIENT", "Unknown client or wrong client secret.");
    }

    public static DomainException sessionEnded() {
        return new DomainException(401, "UNAUTHORIZED", "The session has ended. Please log in again.");
    }
}
