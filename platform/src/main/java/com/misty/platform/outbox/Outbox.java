package com.misty.platform.outbox;

import com.misty.contracts.EventEnvelope;
import com.misty.platform.events.EventJson;
import com.misty.platform.tracing.TraceHeaders;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /**
     * Set while the document has pending events (indexed), so the relay's safety-net sweep never scans a
     * collection: writers set it with their first event, the relay removes it when it emptied the outbox. The sweep
     * takes a document once this time has passed; a sealed insert ({@link #sealedDocumentFields}) sets it a grace
     * period ahead, as its writer's relay publishes it meanwhile.
     */
    public static final String PENDING_SINCE = "outbox_pending_since";
    private static final String TRACE = "trace";

    private Outbox() {
    }

    public static Bson append(String topic, EventEnvelope event) {
        return Updates.combine(Updates.push(FIELD, entry(topic, event)), markPending(event));
    }

    public static Bson appendAll(String topic, List<EventEnvelope> events) {
        Bson push = Updates.pushEach(FIELD, events.stream().map(e -> entry(topic, e)).toList());
        return events.isEmpty() ? push : Updates.combine(push, markPending(events.get(0)));
    }

    /** The outbox fields of a document inserted with its events (e.g. an insert-only ledger entry). */
    public static Document newDocumentFields(String topic, List<EventEnvelope> events) {
        Document fields = new Document(FIELD, events.stream().map(e -> entry(topic, e)).toList());
        if (!events.isEmpty()) {
            fields.append(PENDING_SINCE, Date.from(events.get(0).occurredAt()));
        }
        return fields;
    }

    /**
     * The outbox fields of a sealed insert (a document whose outbox gets no events after its insert): its writer's
     * relay publishes the events straight from memory, without a lease, so the sweep leaves the document alone for
     * {@code grace}, and takes it only should that publication not have happened by then (a crash, a broker outage).
     */
    public static Document sealedDocumentFields(String topic, List<EventEnvelope> events, Duration grace) {
        Document fields = newDocumentFields(topic, events);
        if (!events.isEmpty()) {
            fields.put(PENDING_SINCE, Date.from(events.get(0).occurredAt().plus(grace)));
        }
        return fields;
    }

    private static Bson markPending(EventEnvelope event) {
        return Updates.min(PENDING_SINCE, Date.from(event.occurredAt()));
    }

    /**
     * The stored form of one pending event; {@code envelope} is the exact JSON that goes on the wire and
     * {@code trace} the trace context of the work that wrote it (sent as Kafka headers: {@link TraceHeaders}).
     */
    static Document entry(String topic, EventEnvelope event) {
        Document entry = new Document("event_id", event.eventId().toString())
                .append("topic", topic)
                .append("key", event.aggregateId())
                .append("type", event.type())
                .append("created_at", Date.from(event.occurredAt()))
                .append("envelope", EventJson.write(event));
        Map<String, String> trace = TraceHeaders.current();
        if (!trace.isEmpty()) {
            entry.append(TRACE, new Document(Map.copyOf(trace)));
        }
        return entry;
    }

    /** The trace headers stored with an entry (none for entries written before tracing or outside a span). */
    static Map<String, String> traceOf(Document entry) {
        Document trace = entry.get(TRACE, Document.class);
        Map<String, String> headers = new LinkedHashMap<>();
        if (trace != null) {
            trace.forEach((name, value) -> headers.put(name, String.valueOf(value)));
        }
        return headers;
    }
}
