package com.misty.platform.outbox;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sends one event to the broker; the future completes when the broker has acknowledged it (acks=all). */
public interface EventPublisher extends AutoCloseable {

    /** @param headers record headers: the trace context the event was written in (may be empty) */
    CompletableFuture<Void> publish(String topic, String key, String value, Map<String, String> headers);

    @Override
    void close();
}
