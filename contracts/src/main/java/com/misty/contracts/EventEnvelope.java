package com.misty.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event on every topic travels in. JSON field names are snake_case
 * ({@code event_id}, {@code aggregate_id}, ...); {@code aggregate_id} is also the Kafka record key so that
 * one aggregate's events stay in order on one partition.
 *
 * @param payload one of the records listed in {@link EventTypes}; on the wire a JSON object
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        String aggregateId,
        Instant occurredAt,
        int schemaVersion,
        String actor,
        Object payload) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregate_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(actor, "actor");
    }

    /** A new envelope for {@code payload}, its type taken from the payload's class. */
    public static EventEnvelope of(String aggregateId, String actor, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), EventTypes.typeOf(payload), aggregateId, Instant.now(),
                CURRENT_SCHEMA_VERSION, actor, payload);
    }
}
