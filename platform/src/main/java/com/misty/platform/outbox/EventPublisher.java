package com.misty.platform.outbox;

import java.util.concurrent.CompletableFuture;

/** Sends one event to the broker; the future completes when the broker has acknowledged it (acks=all). */
public interface EventPublisher extends AutoCloseable {

    CompletableFuture<Void> publish(String topic, String key, String value);

    @Override
    void close();
}
