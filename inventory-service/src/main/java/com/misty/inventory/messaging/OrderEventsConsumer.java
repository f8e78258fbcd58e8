package com.misty.inventory.messaging;

import com.misty.inventory.config.InventoryConfig;
import com.misty.inventory.service.OrderAllocationSaga;
import com.misty.platform.events.IncomingEvents;
import com.misty.platform.events.ReceivedEvent;
import com.misty.platform.tracing.ConsumedEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Order events drive the allocation saga. A failure is retried here with backoff (the partition waits, so
 * one order's events stay in order); if it persists the exception fails the record, which is then not
 * acknowledged and comes back after a restart. Redelivery is harmless: the saga is idempotent.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    public static final String CHANNEL = "orders-in";
    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);

    private final OrderAllocationSaga saga;
    private final InventoryConfig config;

    private final ConsumedEvents consumed;
    private final MeterRegistry metrics;

    public OrderEventsConsumer(OrderAllocationSaga saga, InventoryConfig config, ConsumedEvents consumed,
                               MeterRegistry metrics) {
        this.saga = saga;
        this.config = config;
        this.consumed = consumed;
        this.metrics = metrics;
        // Every series exists from the start (at 0), so dashboards and alerts never meet a missing one.
        for (String step : List.of("OrderPlaced", "OrderRevised", "OrderCancelled", "OrderCompleted")) {
            retries(step);
        }
    }

    /** misty_saga_retries_total{step}: a saga step that keeps failing shows here before it gives up. */
    private Counter retries(String step) {
        return metrics.counter("misty.saga.retries", "step", step);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        consumed.handle(record, CHANNEL, value -> IncomingEvents.read(value, CHANNEL).ifPresent(this::handleWithRetry));
    }

    private void handleWithRetry(ReceivedEvent event) {
        long backoff = config.saga().initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                saga.handle(event);
                return;
            } catch (RuntimeException e) {
                if (attempt >= config.saga().maxAttempts()) {
                    throw e;
                }
                LOG.warnf("Order event %s (%s) failed on attempt %d, retrying: %s", event.envelope().eventId(),
                        event.envelope().type(), attempt, e.getMessage());
                retries(event.envelope().type()).increment();
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an order event", e);
        }
    }
}
