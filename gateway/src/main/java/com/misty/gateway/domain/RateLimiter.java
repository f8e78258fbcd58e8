package com.misty.gateway.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a client address or a user id). Memory is bounded: when {@code maxKeys} buckets
 * exist, full buckets are forgotten (a full bucket is the same as a new one); if none is full, new keys are
 * refused until some are, so a flood of distinct keys cannot grow the map.
 */
public final class RateLimiter {

    private final int capacity;
    private final double perSecond;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, double perSecond, int maxKeys, LongSupplier nanoClock) {
        if (capacity < 1 || perSecond <= 0 || maxKeys < 1) {
            throw new IllegalArgumentException("capacity, rate and maxKeys must be positive");
        }
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    /** Takes one request for {@code key}; returns 0 when allowed, else whole seconds to wait (at least 1). */
    public long acquire(String key) {
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys && !forgetFullBuckets(now)) {
                return 1;
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, perSecond, now));
        }
        long waitNanos;
        synchronized (bucket) {
            waitNanos = bucket.take(now);
        }
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    int trackedKeys() {
        return buckets.size();
    }

    private synchronized boolean forgetFullBuckets(long now) {
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return entry.getValue().isFull(now);
            }
        });
        return buckets.size() < maxKeys;
    }
}
