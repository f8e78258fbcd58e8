package com.misty.payroll.messaging;

import com.misty.platform.events.IncomingEvents;
import com.misty.platform.tracing.ConsumedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Consumes {@code auth.events}. A handler failure (MongoDB away) is retried with backoff on the same record,
 * so the record is acknowledged only once its effect is stored: the event is delayed, never lost.
 */
@ApplicationScoped
public class AuthEventsConsumer {

    public static final String CHANNEL = "auth-events";
    private static final Logger LOG = Logger.getLogger(AuthEventsConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final AuthEventHandler handler;

    private final ConsumedEvents consumed;

    public AuthEventsConsumer(AuthEventHandler handler, ConsumedEvents consumed) {
        this.handler = handler;
        this.consumed = consumed;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onAuthEvent(ConsumerRecord<String, String> record) throws InterruptedException {
        consumed.handle(record, CHANNEL, this::handleWithRetry);
    }

    private void handleWithRetry(String record) throws InterruptedException {
        var event = IncomingEvents.read(record, CHANNEL);
        if (event.isEmpty()) {
            return;
        }
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                handler.handle(event.get());
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Handling %s %s failed, retrying in %s: %s", event.get().envelope().type(),
                        event.get().envelope().eventId(), backoff, e.getMessage());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
