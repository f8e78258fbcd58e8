package com.misty.platform.events;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A consumer's retry of one event on the same record, with pauses doubling from {@code initial} up to {@code max}:
 * the record is acknowledged only once the handler's effect is stored (MongoDB away delays an event, never loses
 * it), and the partition waits, so one aggregate's events stay in order. Without a limit it retries for as long as
 * it takes; with one ({@link #atMost}, {@link #giveUpAfter}) the last failure fails the record, which is then not
 * acknowledged and comes back after a restart. Handlers are idempotent, so a redelivery is harmless.
 */
public final class HandlerRetry {

    private static final Logger LOG = Logger.getLogger(HandlerRetry.class);

    /** Told before each pause: the event, the attempt that failed (from 1) and its failure. */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(ReceivedEvent event, int failedAttempt, RuntimeException failure);
    }

    private final Duration initial;
    private final Duration max;
    private final int maxAttempts;
    private final Duration giveUpAfter;
    private final RetryListener listener;

    private HandlerRetry(Duration initial, Duration max, int maxAttempts, Duration giveUpAfter,
                         RetryListener listener) {
        this.initial = initial;
        this.max = max;
        this.maxAttempts = maxAttempts;
        this.giveUpAfter = giveUpAfter;
        this.listener = listener;
    }

    /** Retries until the handler succeeds, pausing {@code initial}, twice that, … at most {@code max}. */
    public static HandlerRetry backoff(Duration initial, Duration max) {
        return new HandlerRetry(initial, max, Integer.MAX_VALUE, null, (event, attempt, failure) -> { });
    }

    /** Fails the record with the handler's exception once {@code attempts} attempts failed. */
    public HandlerRetry atMost(int attempts) {
        return new HandlerRetry(initial, max, attempts, giveUpAfter, listener);
    }

    /** Fails the record with the handler's exception once retrying took longer than {@code duration}. */
    public HandlerRetry giveUpAfter(Duration duration) {
        return new HandlerRetry(initial, max, maxAttempts, duration, listener);
    }

    /** Also tells {@code retryListener} (e.g. a retry counter) before each pause. */
    public HandlerRetry onRetry(RetryListener retryListener) {
        return new HandlerRetry(initial, max, maxAttempts, giveUpAfter, retryListener);
    }

    public void run(ReceivedEvent event, Consumer<ReceivedEvent> handler) {
        long giveUpAt = giveUpAfter == null ? 0 : System.nanoTime() + giveUpAfter.toNanos();
        Duration pause = initial;
        for (int attempt = 1; ; attempt++) {
            try {
                handler.accept(event);
                return;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || giveUpAfter != null && System.nanoTime() - giveUpAt >= 0) {
                    throw e;
                }
                LOG.warnf("Handling %s %s failed on attempt %d, retrying in %s: %s", event.envelope().type(),
                        event.envelope().eventId(), attempt, pause, e.getMessage());
                listener.retrying(event, attempt, e);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(max) > 0 ? max : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}
