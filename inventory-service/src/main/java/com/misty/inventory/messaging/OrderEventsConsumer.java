package com.misty.inventory.messaging;

import com.misty.inventory.config.InventoryConfig;
import com.misty.inventory.service.OrderAllocationSaga;
import com.misty.platform.events.HandlerRetry;
import com.misty.platform.events.IncomingEvents;
import com.misty.platform.tracing.ConsumedEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.List;

/**
 * Order events drive the allocation saga. A failure is retried here with backoff (the partition waits, so
 * one order's events stay in order); if it persists the exception fails the record, which is then not
 * acknowledged and comes back after a restart. Redelivery is harmless: the saga is idempotent.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    public static final String CHANNEL = "orders-in";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final OrderAllocationSaga saga;
    private final HandlerRetry retry;

    private final ConsumedEvents consumed;
    private final MeterRegistry metrics;

    public OrderEventsConsumer(OrderAllocationSaga saga, InventoryConfig config, ConsumedEvents consumed,
                               MeterRegistry metrics) {
        this.saga = saga;
        this.consumed = consumed;
        this.metrics = metrics;
        // Every series exists from the start (at 0), so dashboards and alerts never meet a missing one.
        for (String step : List.of("OrderPlaced", "OrderRevised", "OrderCancelled", "OrderCompleted")) {
            retries(step);
        }
        this.retry = HandlerRetry.backoff(config.saga().initialBackoff(), MAX_BACKOFF)
                .atMost(config.saga().maxAttempts())
                .onRetry((event, attempt, failure) -> retries(event.envelope().type()).increment());
    }

    /** misty_saga_retries_total{step}: a saga step that keeps failing shows here before it gives up. */
    private Counter retries(String step) {
        return metrics.counter("misty.saga.retries", "step", step);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        consumed.handle(record, CHANNEL,
                value -> IncomingEvents.read(value, CHANNEL).ifPresent(event -> retry.run(event, saga::handle)));
    }
}
