package com.misty.auth.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * After a number of tolerated failures each further failure locks the key (a username or a client address)
 * for a time that doubles with every failure, up to a ceiling: guessing slows down, then stops.
 */
public record LoginThrottlePolicy(int freeFailures, Duration baseLockout, Duration maxLockout) {

    public Optional<Duration> lockoutAfter(long failures) {
        long excess = failures - freeFailures;
        if (excess <= 0) {
            return Optional.empty();
        }
        int doublings = (int) Math.min(excess - 1, 30);
        Duration lockout = baseLockout.multipliedBy(1L << doublings);
        return Optional.of(lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout);
    }
}
