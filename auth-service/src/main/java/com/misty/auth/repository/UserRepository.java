package com.misty.auth.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.auth.domain.User;
import com.misty.auth.domain.Usernames;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.platform.outbox.OutboxRelayService;
import com.misty.platform.outbox.OutboxWrites;
import com.misty.platform.problem.DomainException;
import com.misty.platform.security.Roles;
import com.misty.platform.storage.EntityFields;
import com.misty.platform.storage.StoredValues;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.misty.auth.repository.AuthDatabase.date;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The {@code users} collection; its documents carry the outbox of {@code auth.events}. New users' fields are written
 * by the record codec ({@link UserEntity}); everything else goes through raw documents: every write adds its events
 * to the outbox array in the same write, and reading must tolerate the original system's users ({@link #toUser}).
 */
@ApplicationScoped
public class UserRepository implements PanacheMongoRepositoryBase<UserEntity, String> {

    private final OutboxRelayService relay;

    public UserRepository(OutboxRelayService relay) {
        this.relay = relay;
    }

    /**
     * Inserts the user together with its UserCreated event (one upsert of a fresh id, so the document and its
     * outbox entry are written at once); a taken username, in any letter case, is a 409.
     */
    public void insert(User user, EventEnvelope created) {
        Document fields = newUserFields(user);
        try {
            writes().upsertNew(user.id(), fields, List.of(created));
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                throw DomainException.conflict("USERNAME_TAKEN", "Username already exists");
            }
            throw e;
        }
    }

    /** What storing an imported user came to. */
    public enum ImportedInsert { INSERTED, ID_PRESENT, USERNAME_TAKEN }

    /**
     * Inserts a user imported from the original system under its own id, with its UserCreated event, only if
     * neither the id nor the username (in any case) is taken; an existing document is never touched, so a second
     * import changes nothing.
     */
    public ImportedInsert insertImported(User user, EventEnvelope created) {
        Document document = new Document("_id", user.id()).append("imported_at", date(Instant.now()));
        document.putAll(newUserFields(user));
        try {
            writes().insertOne(document, List.of(created));
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                return exists(user.id()) ? ImportedInsert.ID_PRESENT : ImportedInsert.USERNAME_TAKEN;
            }
            throw e;
        }
        return ImportedInsert.INSERTED;
    }

    public boolean exists(String id) {
        return users().find(eq("_id", id)).projection(new Document("_id", 1)).first() != null;
    }

    public Optional<User> findByUsername(String username) {
        return Optional.ofNullable(users().find(eq("username_lower", Usernames.normalize(username))).first())
                .map(UserRepository::toUser);
    }

    public Optional<User> findUser(String id) {
        return Optional.ofNullable(users().find(StoredValues.byId(id)).first()).map(UserRepository::toUser);
    }

    /** The users among {@code ids} (unknown ids are left out). */
    public List<User> findByIds(Collection<String> ids) {
        return users().find(in("_id", ids)).map(UserRepository::toUser).into(new ArrayList<>());
    }

    public List<User> list(int offset, int limit) {
        return users().find().sort(Sorts.ascending("username_lower")).skip(offset).limit(limit)
                .map(UserRepository::toUser).into(new ArrayList<>());
    }

    public boolean isEmpty() {
        return users().find().limit(1).first() == null;
    }

    /**
     * Applies an admin's changes (null fields stay as they are) only if the stored version is still
     * {@code expectedVersion}; the events go into the outbox in the same update. Returns the stored result.
     */
    public User updateIfVersion(String id, long expectedVersion, String role, Boolean active, String fullName,
                                String email, Instant sessionsRevokedAt, List<EventEnvelope> events) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.inc("version", 1L), Updates.set("updated_at", date(Instant.now()))));
        if (role != null) {
            updates.add(Updates.set("role", role));
        }
        if (active != null) {
            updates.add(Updates.set("active", active));
        }
        if (fullName != null) {
            updates.add(Updates.set("full_name", fullName));
        }
        if (email != null) {
            updates.add(Updates.set("email", email));
        }
        if (sessionsRevokedAt != null) {
            updates.add(Updates.set("sessions_revoked_at", date(sessionsRevokedAt)));
        }
        Document after = writes().findOneAndUpdate(and(eq("_id", id), eq("version", expectedVersion)),
                Updates.combine(updates), events, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            User current = findUser(id).orElseThrow(() -> DomainException.notFound("User", id));
            throw DomainException.conflict("VERSION_CONFLICT", "User was modified by another user. Please refresh and try again.")
                    .with("current_version", current.version());
        }
        return toUser(after);
    }

    /** Records that the user's sessions before {@code at} are revoked, announcing it in the same update. */
    public void markSessionsRevoked(String id, Instant at, EventEnvelope event) {
        writes().updateById(id, Updates.set("sessions_revoked_at", date(at)), List.of(event));
    }

    /** Puts an event about the user into its outbox (e.g. a security event that changes nothing stored). */
    public void announce(String id, EventEnvelope event) {
        writes().updateById(id, Updates.combine(), List.of(event));
    }

    /**
     * Replaces the password hash, announcing {@code event} in the same update; with {@code endAllSessions}
     * every refresh token issued until now stops working too.
     */
    public void setPassword(String id, String passwordHash, Instant now, EventEnvelope event, boolean endAllSessions) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("password_hash", passwordHash),
                Updates.set("password_changed_at", date(now)), Updates.set("updated_at", date(now)),
                Updates.inc("version", 1L)));
        if (endAllSessions) {
            updates.add(Updates.set("sessions_revoked_at", date(now)));
        }
        if (!writes().updateById(id, Updates.combine(updates), Stream.ofNullable(event).toList())) {
            throw DomainException.notFound("User", id);
        }
    }

    /**
     * A new user's stored fields as the record codec writes them, as a document the outbox entry can join; without
     * {@code _id}, which the caller sets (an upsert's filter or the import's own id).
     */
    private Document newUserFields(User user) {
        return EntityFields.withoutId(UserEntity.of(user), mongoCollection().getCodecRegistry());
    }

    private MongoCollection<Document> users() {
        return mongoCollection().withDocumentClass(Document.class);
    }

    /** The writes that carry {@code auth.events}: they go into the user's outbox in the same write. */
    private OutboxWrites writes() {
        return relay.writes(users(), Topics.AUTH_EVENTS);
    }

    /**
     * Reads tolerantly: a user stored without {@code active} (the original's, which may say {@code is_active}) is
     * as active as that says, else active; a role differing from the suite's only in case is the suite's; a
     * missing version is 0, as for a user the bootstrap wrote before versions existed.
     */
    static User toUser(Document d) {
        boolean active = d.containsKey("active") ? StoredValues.flag(d, "active", false) : StoredValues.flag(d, "is_active", true);
        return new User(StoredValues.id(d), StoredValues.text(d, "username"), role(StoredValues.text(d, "role")),
                StoredValues.text(d, "full_name"), StoredValues.text(d, "email"), active, StoredValues.number(d, "version", 0),
                StoredValues.instant(d, "created_at"), StoredValues.text(d, "password_hash"),
                StoredValues.instant(d, "sessions_revoked_at"));
    }

    private static String role(String stored) {
        return stored == null ? null : Roles.ALL.stream().filter(stored::equalsIgnoreCase).findFirst().orElse(stored);
    }
}
