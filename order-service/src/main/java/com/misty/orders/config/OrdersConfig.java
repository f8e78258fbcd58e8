package com.misty.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code misty.orders.*}: how order numbers look and how the startup migration coordinates replicas. */
@ConfigMapping(prefix = "misty.orders")
public interface OrdersConfig {

    OrderNumber orderNumber();

    Migration migration();

    interface OrderNumber {
        @WithDefault("ORD-")
        String prefix();

        /** Zero-padded width; larger numbers simply get longer. */
        @WithDefault("6")
        int digits();
    }

    interface Migration {
        /** How long a replica waits for another replica's run of a migration before taking it over. */
        @WithDefault("5m")
        Duration lease();

        /** How often a waiting replica looks whether the migration finished. */
        @WithDefault("200ms")
        Duration pollInterval();
    }
}
