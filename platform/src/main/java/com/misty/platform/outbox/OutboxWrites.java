package com.misty.platform.outbox;

import com.misty.contracts.EventEnvelope;
import com.misty.platform.idempotency.IdempotentUpdate;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The writes of one collection whose documents carry an outbox (events of one topic). Each write puts its events
 * into the written document's outbox in the same single-document operation, and once that is stored wakes the relay
 * for that one document, so a repository neither builds outbox fields nor places a wake-up after each write. The
 * guards stay with the repository: it passes the filter (or the id) and the change, this class adds the events.
 * A write without events is a plain write and wakes nothing.
 */
public final class OutboxWrites {

    /** Told the collection and id of a document that now holds new events (the relay's {@code nudge}). */
    @FunctionalInterface
    public interface Wakeup {
        void pending(String collection, Object id);

        /**
         * How long the writer's relay has to publish a sealed insert from memory before the sweep may take it; zero
         * (the default, for a relay that cannot publish from memory) makes a sealed insert an ordinary one.
         */
        default Duration sealedGrace() {
            return Duration.ZERO;
        }

        /** Hands over the stored outbox entries of a sealed insert, to be published as they are (no lease, no read). */
        default void sealed(String collection, Object id, List<Document> entries) {
            pending(collection, id);
        }
    }

    private static final String ID = "_id";

    private final MongoCollection<Document> collection;
    private final String topic;
    private final Wakeup relay;
    private final String collectionName;

    public OutboxWrites(MongoCollection<Document> collection, String topic, Wakeup relay) {
        this.collection = collection;
        this.topic = topic;
        this.relay = relay;
        this.collectionName = collection.getNamespace().getCollectionName();
    }

    /**
     * Inserts {@code document} (with its {@code _id}) holding {@code events} in its outbox. A failed insert (a
     * duplicate key, say) throws as {@code insertOne} does and wakes nothing.
     */
    public void insertOne(Document document, List<EventEnvelope> events) {
        Document stored = new Document(document);
        stored.putAll(Outbox.newDocumentFields(topic, events));
        collection.insertOne(stored);
        wake(stored.get(ID), events);
    }

    /**
     * Inserts a sealed document: one that gets no events after this insert (an insert-only ledger entry, say; its
     * events may only be removed, by the relay). Nobody else is woken for it, so this process's relay publishes its
     * events from memory without taking a lease or reading it back, and removes them from the document once
     * acknowledged; the sweep takes the document only after {@link Wakeup#sealedGrace()} (a crash, an outage).
     * A failed insert throws as {@code insertOne} does and hands nothing over.
     */
    public void insertSealed(Document document, List<EventEnvelope> events) {
        Duration grace = relay.sealedGrace();
        if (events.isEmpty() || grace.isZero()) {
            insertOne(document, events);
            return;
        }
        Document stored = new Document(document);
        stored.putAll(Outbox.sealedDocumentFields(topic, events, grace));
        collection.insertOne(stored);
        relay.sealed(collectionName, stored.get(ID), stored.getList(Outbox.FIELD, Document.class));
    }

    /**
     * Stores a new document under {@code id} in one upsert: {@code fields} set on insert, {@code events} pushed.
     * A unique index on one of the fields refuses it with a duplicate key, thrown as {@code updateOne} does.
     */
    public void upsertNew(Object id, Document fields, List<EventEnvelope> events) {
        collection.updateOne(Filters.eq(ID, id), withEvents(Updates.setOnInsert(fields), events),
                new UpdateOptions().upsert(true));
        wake(id, events);
    }

    /**
     * {@code findOneAndUpdate} with the events added to {@code update}; only a matched document gets them.
     * {@code options} must keep {@code _id} in the returned document (it names the document to wake the relay for).
     *
     * @return what {@code findOneAndUpdate} returns: null when the filter (the repository's guard) matched nothing
     */
    public Document findOneAndUpdate(Bson filter, Bson update, List<EventEnvelope> events, FindOneAndUpdateOptions options) {
        Document result = collection.findOneAndUpdate(filter, withEvents(update, events), options);
        if (result != null) {
            wake(result.get(ID), events);
        }
        return result;
    }

    /** Applies {@code update} and the events to the document {@code id}; false (nothing written) when it is absent. */
    public boolean updateById(Object id, Bson update, List<EventEnvelope> events) {
        return updateOne(id, Filters.eq(ID, id), update, events);
    }

    /**
     * {@code updateOne} of the document {@code id} as far as {@code filter} (that id and the repository's guard)
     * matches it, with the events added to {@code update}.
     *
     * @return whether the document was changed: false when the guard (or the id) matched nothing
     */
    public boolean updateOne(Object id, Bson filter, Bson update, List<EventEnvelope> events) {
        boolean changed = collection.updateOne(filter, withEvents(update, events)).getModifiedCount() == 1;
        if (changed) {
            wake(id, events);
        }
        return changed;
    }

    /** {@link IdempotentUpdate#apply} on the document {@code id}, with the events: stored (and woken) only when applied. */
    public IdempotentUpdate.Result applyOnce(Object id, UUID eventId, Bson guard, Bson effect, List<EventEnvelope> events) {
        IdempotentUpdate.Result result = IdempotentUpdate.apply(collection, Filters.eq(ID, id), eventId, guard,
                withEvents(effect, events));
        if (result.applied()) {
            wake(id, events);
        }
        return result;
    }

    private Bson withEvents(Bson update, List<EventEnvelope> events) {
        return events.isEmpty() ? update : Updates.combine(update, Outbox.appendAll(topic, events));
    }

    private void wake(Object id, List<EventEnvelope> events) {
        // A document without an id in hand still has its events published, by the relay's sweep a poll later.
        if (!events.isEmpty() && id != null) {
            relay.pending(collectionName, id);
        }
    }
}
