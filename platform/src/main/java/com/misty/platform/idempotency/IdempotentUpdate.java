package com.misty.platform.idempotency;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.UUID;

/**
 * Applies an event's effect to one document exactly once: the business guard, the not-yet-applied guard, the
 * effect, the applied mark (and usually an outbox entry) go into one {@code findOneAndUpdate}.
 */
public final class IdempotentUpdate {

    public enum Outcome { APPLIED, ALREADY_APPLIED, GUARD_FAILED, NOT_FOUND }

    /**
     * @param document the document after the update when applied (without the processed-event ids), else as it
     *                 is now (null when absent)
     */
    public record Result(Outcome outcome, Document document) {
        public boolean applied() {
            return outcome == Outcome.APPLIED;
        }
    }

    private IdempotentUpdate() {
    }

    public static Result apply(MongoCollection<Document> collection, Bson target, UUID eventId, Bson guard, Bson effect) {
        Document after = collection.findOneAndUpdate(
                Filters.and(target, ProcessedEvents.notYetApplied(eventId), guard),
                Updates.combine(effect, ProcessedEvents.markApplied(eventId)),
                // The projection makes the stand-in return a copy: without one it hands back its live document,
                // which a concurrent update can change before the caller reads it.
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.exclude(ProcessedEvents.FIELD)));
        if (after != null) {
            return new Result(Outcome.APPLIED, after);
        }
        Document current = collection.find(target).first();
        if (current == null) {
            return new Result(Outcome.NOT_FOUND, null);
        }
        return new Result(ProcessedEvents.wasApplied(current, eventId) ? Outcome.ALREADY_APPLIED : Outcome.GUARD_FAILED,
                current);
    }
}
