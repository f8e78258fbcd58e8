package com.misty.inventory.domain.saga;

import java.time.Duration;
import java.time.Instant;

/**
 * Which replica may run the steps of an order's attempt, until when, and under which fencing token. Several
 * replicas of inventory-service share the order events' partitions; after a consumer-group rebalance a replica
 * that stalled mid-attempt (a long GC pause, a frozen VM) and its successor could both work on the same attempt.
 * The lease keeps the successor off until the stalled holder's time is up; taking it over raises the fence, and
 * every write to the attempt names the fence it was made under, so the stalled replica, waking up, can no longer
 * record a step or decide (its next write finds a higher fence and it stops).
 *
 * @param fence raised by one on every take-over; the holder's writes are guarded by it
 */
public record AttemptLease(String owner, Instant until, long fence) {

    /** The lease of a new attempt. */
    public static AttemptLease first(String owner, Instant now, Duration length) {
        return new AttemptLease(owner, now.plus(length), 1);
    }

    /** Whether {@code replica} may work on the attempt now: it holds the lease, or the holder's time is up. */
    public boolean usableBy(String replica, Instant now) {
        return owner.equals(replica) || !now.isBefore(until);
    }

    /** The lease {@code replica} holds once it takes this one over (or renews its own after a retry). */
    public AttemptLease takenOverBy(String replica, Instant now, Duration length) {
        return new AttemptLease(replica, now.plus(length), owner.equals(replica) ? fence : fence + 1);
    }

    /** How long until the holder's time is up (zero once it is). */
    public Duration remaining(Instant now) {
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }
}
