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

    /** The entity's fields; with {@code _id} when the entity has one. */
    public static Document of(Object entity, CodecRegistry registry) {
        return new Document(BsonDocumentWrapper.asBsonDocument(entity, registry));
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
