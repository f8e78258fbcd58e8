package com.misty.orders.messaging;

import com.misty.orders.service.OrderSaga;
import com.misty.platform.events.HandlerRetry;
import com.misty.platform.events.IncomingEvents;
import com.misty.platform.tracing.ConsumedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;

/**
 * Inventory's answers to the saga. Records of one order arrive in order (the key is the order id) and are
 * handled one at a time. A failure (MongoDB away) is retried before the record is acknowledged, so an
 * answer is never lost; if it keeps failing the channel fails unacknowledged and readiness goes down.
 */
@ApplicationScoped
public class InventoryEventsConsumer {

    public static final String CHANNEL = "inventory-events";
    /** A retry a second apart for ten minutes; then the channel fails unacknowledged. */
    private static final HandlerRetry RETRY = HandlerRetry.backoff(Duration.ofSeconds(1), Duration.ofSeconds(1))
            .giveUpAfter(Duration.ofMinutes(10));

    private final OrderSaga saga;

    private final ConsumedEvents consumed;

    public InventoryEventsConsumer(OrderSaga saga, ConsumedEvents consumed) {
        this.saga = saga;
        this.consumed = consumed;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onInventoryEvent(ConsumerRecord<String, String> record) {
        consumed.handle(record, CHANNEL,
                value -> IncomingEvents.read(value, CHANNEL).ifPresent(event -> RETRY.run(event, saga::handle)));
    }
}
