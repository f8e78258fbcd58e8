package com.misty.auth.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static com.misty.auth.repository.AuthDatabase.date;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

/**
 * Failed-login counters per key ({@code user:<name>} or {@code addr:<ip>}), in the database so that every
 * replica of the service counts the same failures.
 */
@ApplicationScoped
public class LoginAttemptRepository implements PanacheMongoRepositoryBase<LoginAttemptEntity, String> {

    public Optional<Instant> lockedUntil(String key) {
        return findByIdOptional(key).map(LoginAttemptEntity::lockedUntil);
    }

    /** Counts one failure (forgetting failures older than {@code window}); returns the count. */
    public long recordFailure(String key, Instant now, Duration window) {
        mongoCollection().updateOne(and(eq("_id", key), lt("window_start", date(now.minus(window)))),
                Updates.combine(Updates.set("failures", 0L), Updates.set("window_start", date(now))));
        for (int attempt = 0; ; attempt++) {
            try {
                LoginAttemptEntity after = mongoCollection().findOneAndUpdate(eq("_id", key),
                        Updates.combine(Updates.inc("failures", 1L), Updates.setOnInsert("window_start", date(now))),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                return after.failures();
            } catch (RuntimeException e) {
                // Two first failures raced to create the counter; the loser increments the winner's.
                if (!DuplicateKeys.is(e) || attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    public void lock(String key, Instant until) {
        mongoCollection().updateOne(eq("_id", key), Updates.set("locked_until", date(until)));
    }

    public void clear(String key) {
        deleteById(key);
    }
}
