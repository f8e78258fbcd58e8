package com.misty.payroll.repository;

import com.misty.contracts.EventEnvelope;
import com.misty.platform.outbox.Outbox;
import com.mongodb.MongoClientSettings;
import org.bson.BsonArray;
import org.bson.BsonDocument;

import java.util.List;

/**
 * The outbox array for a document that is being inserted (an insert has no update to append to). The entries
 * are taken from {@link Outbox#appendAll} itself so their stored form can never drift from the relay's.
 */
final class OutboxEntries {

    private OutboxEntries() {
    }

    static BsonArray of(String topic, List<EventEnvelope> events) {
        BsonDocument update = Outbox.appendAll(topic, events)
                .toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
        return update.getDocument("$push").getDocument(Outbox.FIELD).getArray("$each");
    }
}
