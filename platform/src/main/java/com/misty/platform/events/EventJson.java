package com.misty.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.EventTypes;

import java.util.Optional;
import java.util.UUID;

/**
 * The wire format of events: the envelope as snake_case JSON. One mapper, shared by the outbox (writing)
 * and the consumers (reading), so both sides always agree.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Newer producers may add fields; old consumers must keep working.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be serialised: " + envelope.type(), e);
        }
    }

    /**
     * Reads an envelope and turns its payload into the record its {@code type} names.
     *
     * @throws MalformedEventException when the text is not an envelope or the payload does not fit its type
     */
    public static ReceivedEvent read(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            String type = tree.path("type").asText(null);
            UUID eventId = UUID.fromString(tree.path("event_id").asText());
            Optional<Class<? extends Record>> payloadClass = EventTypes.payloadClass(type);
            Object payload = payloadClass.isPresent()
                    ? MAPPER.treeToValue(tree.path("payload"), payloadClass.get())
                    : tree.path("payload");
            EventEnvelope envelope = new EventEnvelope(eventId, type, tree.path("aggregate_id").asText(),
                    MAPPER.treeToValue(tree.path("occurred_at"), java.time.Instant.class),
                    tree.path("schema_version").asInt(EventEnvelope.CURRENT_SCHEMA_VERSION),
                    tree.path("actor").asText(), payload);
            return new ReceivedEvent(envelope, payloadClass.isPresent());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new MalformedEventException("Not a readable event envelope: " + e.getMessage(), e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
