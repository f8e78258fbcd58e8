package com.misty.gateway.domain;

/**
 * A token bucket: up to {@code capacity} requests at once, refilled at {@code perSecond}. Not thread-safe on
 * its own; {@link RateLimiter} synchronises on each bucket.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000d;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token; returns 0 when granted, otherwise the nanoseconds until one will be available. */
    long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Whether the bucket is full, i.e. forgetting it changes nothing. */
    boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
        updatedAt = now;
    }
}
