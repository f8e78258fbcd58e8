package com.misty.auth.service;

import com.misty.auth.config.AuthConfig;
import com.misty.auth.domain.LoginThrottlePolicy;
import com.misty.auth.domain.LoginThrottledException;
import com.misty.auth.domain.Usernames;
import com.misty.auth.repository.LoginAttemptRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/** Counts failed logins per username and per client address and refuses locked-out keys with 429. */
@ApplicationScoped
public class LoginThrottle {

    private final LoginAttemptRepository attempts;
    private final LoginThrottlePolicy perUsername;
    private final LoginThrottlePolicy perAddress;
    private final Duration window;

    public LoginThrottle(LoginAttemptRepository attempts, AuthConfig config) {
        this.attempts = attempts;
        AuthConfig.Throttle t = config.throttle();
        this.perUsername = new LoginThrottlePolicy(t.usernameFreeFailures(), t.baseLockout(), t.maxLockout());
        this.perAddress = new LoginThrottlePolicy(t.addressFreeFailures(), t.baseLockout(), t.maxLockout());
        this.window = t.window();
    }

    public static String usernameKey(String username) {
        return "user:" + Usernames.normalize(username == null ? "" : username);
    }

    public static String addressKey(String address) {
        return "addr:" + (address == null ? "unknown" : address);
    }

    /** Throws 429 with the remaining lockout if either key is locked. */
    public void requireNotLocked(String usernameKey, String addressKey) {
        Instant now = Instant.now();
        Duration longest = Duration.ZERO;
        for (String key : new String[] {usernameKey, addressKey}) {
            Instant until = attempts.lockedUntil(key).orElse(null);
            if (until != null && until.isAfter(now) && Duration.between(now, until).compareTo(longest) > 0) {
                longest = Duration.between(now, until);
            }
        }
        if (!longest.isZero()) {
            throw new LoginThrottledException(longest);
        }
    }

    public void recordFailure(String usernameKey, String addressKey) {
        Instant now = Instant.now();
        record(usernameKey, perUsername, now);
        record(addressKey, perAddress, now);
    }

    /** A successful login forgets the username's failures (not the address's: one good account must not reset it). */
    public void recordSuccess(String usernameKey) {
        attempts.clear(usernameKey);
    }

    private void record(String key, LoginThrottlePolicy policy, Instant now) {
        long failures = attempts.recordFailure(key, now, window);
        policy.lockoutAfter(failures).ifPresent(lockout -> attempts.lock(key, now.plus(lockout)));
    }
}
