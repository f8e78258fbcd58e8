package com.misty.platform.outbox;

import java.time.Duration;

/**
 * How the relay polls and claims.
 *
 * @param pollInterval  how often to look for pending events when nobody nudges
 * @param lease         how long a claimed document stays reserved for one relay (longer than a publish takes)
 * @param batchSize     how many documents one pass claims per collection
 * @param deliveryTimeout how long to wait for the broker's acknowledgement of one event
 * @param maxBackoff    the longest pause between passes while the broker is unreachable
 * @param sealedGather  how long sealed inserts may wait for more to be published with them (zero: each at once)
 */
public record OutboxSettings(Duration pollInterval, Duration lease, int batchSize, Duration deliveryTimeout,
                             Duration maxBackoff, Duration sealedGather) {

    public static OutboxSettings defaults() {
        return new OutboxSettings(Duration.ofMillis(500), Duration.ofSeconds(30), 100, Duration.ofSeconds(15),
                Duration.ofSeconds(5), Duration.ofMillis(20));
    }
}
