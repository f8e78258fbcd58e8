package com.misty.systemtest.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for an asynchronous outcome (a Kafka saga, a consumer) by polling until a generous deadline. */
final class Eventually {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 250;

    private Eventually() {
    }

    /** Reads {@code read} until {@code done} holds and returns that value; fails with the last value at the deadline. */
    static <T> T until(String what, Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(DEADLINE);
        T last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what + "; last seen: " + last);
            }
            pause(POLL_MILLIS);
            last = read.get();
        }
        return last;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
