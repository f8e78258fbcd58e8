package com.misty.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code misty.inventory.*}: ledger projection and saga retry timing. */
@ConfigMapping(prefix = "misty.inventory")
public interface InventoryConfig {

    Ledger ledger();

    Saga saga();

    interface Ledger {
        /** How often the projector looks for unarchived movements when nobody nudges it. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Stock records handled per projector pass. */
        @WithDefault("100")
        int batchSize();
    }

    interface Saga {
        /** Attempts at one order event before the consumer gives up (the record stays unacknowledged). */
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("200ms")
        Duration initialBackoff();
    }
}
