package com.misty.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code misty.inventory.*}: ledger repair and saga retry timing. */
@ConfigMapping(prefix = "misty.inventory")
public interface InventoryConfig {

    Ledger ledger();

    Saga saga();

    interface Ledger {
        /** How often the repair looks for movements and releases left unfinished by a crash. */
        @WithDefault("2s")
        Duration pollInterval();

        /** How long a movement may wait for its ledger entry (or a release for its stock) before the repair does it. */
        @WithDefault("5s")
        Duration repairAfter();

        /** Stock records (and releases) handled per repair pass. */
        @WithDefault("100")
        int batchSize();
    }

    interface Saga {
        /** Attempts at one order event before the consumer gives up (the record stays unacknowledged). */
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("200ms")
        Duration initialBackoff();

        /**
         * How long a replica's hold on an order's attempt lasts without a recorded step (each step renews it).
         * Another replica meeting the attempt waits at most this long after the holder stalled or died; well
         * above a step's duration (milliseconds), below the consumer's retries' patience (about 16 s).
         */
        @WithDefault("10s")
        Duration lease();
    }
}
