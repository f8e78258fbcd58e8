package com.misty.platform.outbox;

import com.misty.contracts.EventEnvelope;
import com.misty.platform.events.EventJson;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Date;
import java.util.List;

/**
 * Builds the outbox part of a state-changing update: the event is pushed into the changed document's own
 * {@code outbox} array in the very same single-document update, so the change and its announcement are
 * stored together or not at all (no transaction needed, none is available on the stand-in).
 *
 * <pre>
 * collection.findOneAndUpdate(and(eq("_id", id), gte("quantity_on_hand", qty)),
 *         combine(inc("quantity_on_hand", -qty), Outbox.append(Topics.INVENTORY_EVENTS, event)));
 * </pre>
 */
public final class Outbox {

    /** The array on an aggregate's document that holds its not-yet-published events, oldest first. */
    public static final String FIELD = "outbox";
    static final String LEASE_UNTIL = "outbox_lease_until";
    static final String LEASE_OWNER = "outbox_lease_owner";

    private Outbox() {
    }

    public static Bson append(String topic, EventEnvelope event) {
        return Updates.push(FIELD, entry(topic, event));
    }

    public static Bson appendAll(String topic, List<EventEnvelope> events) {
        return Updates.pushEach(FIELD, events.stream().map(e -> entry(topic, e)).toList());
    }

    /** The stored form of one pending event; {@code envelope} is the exact JSON that goes on the wire. */
    static Document entry(String topic, EventEnvelope event) {
        return new Document("event_id", event.eventId().toString())
                .append("topic", topic)
                .append("key", event.aggregateId())
                .append("type", event.type())
                .append("created_at", Date.from(event.occurredAt()))
                .append("envelope", EventJson.write(event));
    }
}
