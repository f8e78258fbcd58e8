package com.misty.platform.events;

import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The first step of every consumer: read the record into an event, or log and skip it. A malformed record
 * or a type this build does not know can never succeed on retry, so it must not block the partition.
 *
 * <pre>
 * &#64;Incoming(ORDERS_CHANNEL)
 * public void onOrderEvent(String record) {
 *     IncomingEvents.read(record, ORDERS_CHANNEL).ifPresent(saga::handle);
 * }
 * </pre>
 */
public final class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private IncomingEvents() {
    }

    public static Optional<ReceivedEvent> read(String record, String channel) {
        try {
            ReceivedEvent event = EventJson.read(record);
            if (!event.known()) {
                LOG.debugf("Skipping event of unknown type %s on %s", event.envelope().type(), channel);
                return Optional.empty();
            }
            return Optional.of(event);
        } catch (MalformedEventException e) {
            LOG.warnf("Skipping malformed record on %s: %s", channel, e.getMessage());
            return Optional.empty();
        }
    }
}
