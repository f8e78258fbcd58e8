package com.misty.auth.service;

import com.misty.auth.config.AuthConfig;
import com.misty.auth.domain.LoginThrottlePolicy;
import com.misty.auth.domain.LoginThrottledException;
import com.misty.auth.domain.Usernames;
import com.misty.auth.repository.LoginAttemptRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Counts failed credential checks per account, per (account, client address) and per client address, and refuses
 * locked keys with 429 before any password is checked. Which key locks first decides who suffers: the pair locks
 * first (the guesser, for that account), the account much later (a guesser spread over addresses), the address
 * only past a ceiling an office behind one proxy does not reach. Successful logins count nowhere.
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginAttemptRepository attempts;
    private final LoginThrottlePolicy perAccount;
    private final LoginThrottlePolicy perAccountAndAddress;
    private final LoginThrottlePolicy perAddress;
    private final Duration window;

    public LoginThrottle(LoginAttemptRepository attempts, AuthConfig config) {
        this.attempts = attempts;
        AuthConfig.Throttle t = config.throttle();
        this.perAccount = new LoginThrottlePolicy(t.usernameFreeFailures(), t.baseLockout(), t.maxLockout());
        this.perAccountAndAddress = new LoginThrottlePolicy(t.accountAddressFreeFailures(), t.baseLockout(),
                t.maxLockout());
        this.perAddress = new LoginThrottlePolicy(t.addressFreeFailures(), t.baseLockout(), t.maxLockout());
        this.window = t.window();
    }

    /** The three counters one credential check touches. */
    public record Keys(String account, String accountAtAddress, String address) {
        List<String> all() {
            return List.of(account, accountAtAddress, address);
        }
    }

    /** Keys of a password check for {@code username} (unknown names count like real ones). */
    public static Keys forUser(String username, String clientAddress) {
        return keys("user:" + Usernames.normalize(username == null ? "" : username), clientAddress);
    }

    /** Keys of a client-credentials check for {@code clientId}. */
    public static Keys forClient(String clientId, String clientAddress) {
        return keys("client:" + (clientId == null ? "" : clientId), clientAddress);
    }

    private static Keys keys(String account, String clientAddress) {
        String address = "addr:" + (clientAddress == null ? "unknown" : clientAddress);
        return new Keys(account, account + "@" + address, address);
    }

    /** Throws 429 with the time until the longest applicable lockout ends (the honest Retry-After). */
    public void requireNotLocked(Keys keys) {
        Instant now = Instant.now();
        Duration longest = Duration.ZERO;
        for (String key : keys.all()) {
            Instant until = attempts.lockedUntil(key).orElse(null);
            if (until != null && until.isAfter(now) && Duration.between(now, until).compareTo(longest) > 0) {
                longest = Duration.between(now, until);
            }
        }
        if (!longest.isZero()) {
            throw new LoginThrottledException(longest);
        }
    }

    public void recordFailure(Keys keys) {
        Instant now = Instant.now();
        record(keys.account(), perAccount, now, "account");
        record(keys.accountAtAddress(), perAccountAndAddress, now, "account_at_address");
        record(keys.address(), perAddress, now, "address");
    }

    /**
     * A successful login forgets the account's failures (its owner knows the password), not the address's: one
     * good account must not reset the ceiling for a sprayer on the same address.
     */
    public void recordSuccess(Keys keys) {
        attempts.clear(keys.account());
        attempts.clear(keys.accountAtAddress());
    }

    private void record(String key, LoginThrottlePolicy policy, Instant now, String scope) {
        long failures = attempts.recordFailure(key, now, window);
        policy.lockoutAfter(failures).ifPresent(lockout -> {
            attempts.lock(key, now.plus(lockout));
            AuthMetrics.lockedOut(scope);
        });
    }
}
