package com.misty.platform.events;

import com.misty.contracts.EventEnvelope;

/**
 * An event read from a topic.
 *
 * @param known false when the type is not one this build knows (a newer producer); handlers skip those
 */
public record ReceivedEvent(EventEnvelope envelope, boolean known) {

    public <T> T payloadAs(Class<T> type) {
        return type.cast(envelope.payload());
    }

    public boolean is(Class<?> payloadType) {
        return known && payloadType.isInstance(envelope.payload());
    }
}
