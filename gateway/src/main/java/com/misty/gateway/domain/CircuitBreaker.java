package com.misty.gateway.domain;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops sending requests to a service that keeps failing: after {@code failureThreshold} consecutive failures
 * the circuit opens and callers are refused at once for {@code openFor}; then one trial request is let through,
 * and its outcome closes the circuit or opens it again. The gateway keeps one per upstream (replica), so one
 * replica that fails does not shut the others out.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether a request may go to the service now; a caller that got {@code true} must report its outcome. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoClock.getAsLong() - openedAt < openForNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                // Half open: exactly one trial at a time.
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        trialInFlight = false;
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
        }
    }

    /**
     * A request let through ended without a verdict (the client went away first): a half-open trial is handed
     * back, so the next request becomes the trial instead of the circuit waiting for an outcome that never comes.
     */
    public synchronized void release() {
        trialInFlight = false;
    }

    /** Whether a request asking now would be refused (read only: unlike {@link #tryAcquire} it starts no trial). */
    public synchronized boolean refusing() {
        return switch (state) {
            case CLOSED -> false;
            case OPEN -> nanoClock.getAsLong() - openedAt < openForNanos;
            case HALF_OPEN -> trialInFlight;
        };
    }

    /** Whole seconds until a trial request will be let through (at least 1 while open). */
    public synchronized long secondsUntilRetry() {
        if (state == State.CLOSED) {
            return 0;
        }
        long remaining = openForNanos - (nanoClock.getAsLong() - openedAt);
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }

    public synchronized State state() {
        return state;
    }
}
