package com.misty.platform.idempotency;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.UUID;

/**
 * The idempotent-consumer guard: the ids of the last events applied to a document live on the document
 * itself, so "not applied yet" is part of the filter and "now applied" part of the update of one atomic
 * single-document operation. A redelivered event then matches nothing and changes nothing.
 *
 * <p>Only the most recent {@link #REMEMBERED} ids are kept so hot documents do not grow without bound;
 * Kafka redelivers after a crash or rebalance, i.e. recent events, well within that window.
 */
public final class ProcessedEvents {

    public static final String FIELD = "processed_events";
    public static final int REMEMBERED = 200;

    private ProcessedEvents() {
    }

    public static Bson notYetApplied(UUID eventId) {
        return Filters.ne(FIELD, eventId.toString());
    }

    public static Bson markApplied(UUID eventId) {
        return Updates.pushEach(FIELD, List.of(eventId.toString()), new PushOptions().slice(-REMEMBERED));
    }

    public static boolean wasApplied(org.bson.Document document, UUID eventId) {
        return document != null && document.getList(FIELD, String.class, List.of()).contains(eventId.toString());
    }
}
