package com.misty.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code misty.outbox.*}: which collections of the service's database carry an outbox, and relay timing. */
@ConfigMapping(prefix = "misty.outbox")
public interface OutboxConfig {

    /** Collections (in {@code quarkus.mongodb.database}) whose documents have an {@code outbox} array. */
    Optional<List<String>> collections();

    @WithDefault("500ms")
    Duration pollInterval();

    @WithDefault("30s")
    Duration lease();

    @WithDefault("100")
    int batchSize();

    @WithDefault("15s")
    Duration deliveryTimeout();

    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * How long the events of sealed inserts (ledger entries) may wait for more, to go to the broker and out of
     * their documents together: on a busy stock record one produce request and one bulk write for many movements
     * instead of one each. Their readers are live views, for which a few milliseconds do not matter.
     */
    @WithDefault("20ms")
    Duration sealedGather();

    default OutboxSettings settings() {
        return new OutboxSettings(pollInterval(), lease(), batchSize(), deliveryTimeout(), maxBackoff(), sealedGather());
    }
}
