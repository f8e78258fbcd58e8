package com.misty.auth.domain;

import com.misty.platform.problem.DomainException;

import java.time.Duration;

/** Too many failed logins: refused without checking the password; the client may retry after the lockout. */
public class LoginThrottledException extends DomainException {

    private final long retryAfterSeconds;

    public LoginThrottledException(Duration retryAfter) {
        super(429, "TOO_MANY_ATTEMPTS", "Too many failed login attempts. Try again later.");
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        with("retry_after", retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
