package com.misty.platform.storage;

import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWrapper;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * A Panache entity's stored fields as the collection's codec writes them, as a document that the fields no codec
 * writes can join in the same write (the outbox array of a new document, an upsert's {@code $setOnInsert}); and
 * back, for an entity embedded in a document read raw.
 */
public final class EntityFields {

    private EntityFields() {
    }

    /**
     * The entity's fields, with {@code _id} when the entity has one, as plain Java values (String, Long, Date,
     * Decimal128...), the same a read of the stored document returns. Not the codec's {@code BsonValue}s: an id
     * handed on as a {@code BsonString} names the same document but is not equal to the String a read gives, and
     * the outbox relays key their leases by the id (two relays once both published a leave request's event so).
     */
    public static Document of(Object entity, CodecRegistry registry) {
        return registry.get(Document.class).decode(
                new BsonDocumentReader(BsonDocumentWrapper.asBsonDocument(entity, registry)),
                DecoderContext.builder().build());
    }

    /** The entity's fields without {@code _id}, for the {@code $setOnInsert} of an upsert whose filter sets it. */
    public static Document withoutId(Object entity, CodecRegistry registry) {
        Document fields = of(entity, registry);
        fields.remove("_id");
        return fields;
    }

    /** The entity a (sub-)document of a raw read holds, decoded as the collection's codec would. */
    public static <T> T read(Document document, Class<T> type, CodecRegistry registry) {
        return registry.get(type).decode(new BsonDocumentReader(document.toBsonDocument(Document.class, registry)),
                DecoderContext.builder().build());
    }
}
