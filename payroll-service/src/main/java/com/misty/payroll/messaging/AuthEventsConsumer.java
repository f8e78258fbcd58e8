package com.misty.payroll.messaging;

import com.misty.platform.events.HandlerRetry;
import com.misty.platform.events.IncomingEvents;
import com.misty.platform.tracing.ConsumedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;

/**
 * Consumes {@code auth.events}. A handler failure (MongoDB away) is retried for as long as it takes on the same
 * record, so the record is acknowledged only once its effect is stored: the event is delayed, never lost.
 */
@ApplicationScoped
public class AuthEventsConsumer {

    public static final String CHANNEL = "auth-events";
    private static final HandlerRetry RETRY = HandlerRetry.backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

    private final AuthEventHandler handler;

    private final ConsumedEvents consumed;

    public AuthEventsConsumer(AuthEventHandler handler, ConsumedEvents consumed) {
        this.handler = handler;
        this.consumed = consumed;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onAuthEvent(ConsumerRecord<String, String> record) {
        consumed.handle(record, CHANNEL,
                value -> IncomingEvents.read(value, CHANNEL).ifPresent(event -> RETRY.run(event, handler::handle)));
    }
}
