package com.misty.auth.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.auth.domain.ServiceAccount;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.platform.outbox.OutboxRelayService;
import com.misty.platform.outbox.OutboxWrites;
import com.misty.platform.problem.DomainException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static com.misty.auth.repository.AuthDatabase.date;
import static com.misty.auth.repository.AuthDatabase.instant;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/** The {@code service_accounts} collection; client secrets are stored only as hashes. */
@ApplicationScoped
public class ServiceAccountRepository {

    private final AuthDatabase database;
    private final OutboxRelayService relay;

    public ServiceAccountRepository(AuthDatabase database, OutboxRelayService relay) {
        this.database = database;
        this.relay = relay;
    }

    public void insert(ServiceAccount account) {
        try {
            accounts().insertOne(new Document("_id", account.id())
                    .append("name", account.name())
                    .append("name_lower", account.name().toLowerCase(Locale.ROOT))
                    .append("roles", account.roles())
                    .append("active", account.active())
                    .append("version", account.version())
                    .append("created_at", date(account.createdAt()))
                    .append("secret_rotated_at", date(account.secretRotatedAt()))
                    .append("secret_hash", account.secretHash()));
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                throw DomainException.conflict("NAME_TAKEN", "A service account with this name already exists");
            }
            throw e;
        }
    }

    public Optional<ServiceAccount> findById(String id) {
        return Optional.ofNullable(accounts().find(eq("_id", id)).first()).map(ServiceAccountRepository::toAccount);
    }

    /** The service accounts among {@code ids} (unknown ids are left out). */
    public List<ServiceAccount> findByIds(Collection<String> ids) {
        return accounts().find(in("_id", ids)).map(ServiceAccountRepository::toAccount).into(new ArrayList<>());
    }

    public List<ServiceAccount> list() {
        return accounts().find().sort(Sorts.ascending("name_lower")).map(ServiceAccountRepository::toAccount)
                .into(new ArrayList<>());
    }

    /** Applies the changes if the version still matches; {@code revocation}, if any, goes into the outbox with them. */
    public ServiceAccount updateIfVersion(String id, long expectedVersion, Boolean active, List<String> roles,
                                          EventEnvelope revocation) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.inc("version", 1L)));
        if (active != null) {
            updates.add(Updates.set("active", active));
        }
        if (roles != null) {
            updates.add(Updates.set("roles", roles));
        }
        Document after = writes().findOneAndUpdate(and(eq("_id", id), eq("version", expectedVersion)),
                Updates.combine(updates), Stream.ofNullable(revocation).toList(),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            ServiceAccount current = findById(id).orElseThrow(() -> DomainException.notFound("Service account", id));
            throw DomainException.conflict("VERSION_CONFLICT", "Service account was modified by another user.")
                    .with("current_version", current.version());
        }
        return toAccount(after);
    }

    /**
     * Replaces the secret hash whatever the version (rotating twice just leaves the later secret valid),
     * announcing {@code revocation} in the same update.
     */
    public ServiceAccount replaceSecret(String id, String secretHash, java.time.Instant now, EventEnvelope revocation) {
        Document after = writes().findOneAndUpdate(eq("_id", id),
                Updates.combine(Updates.set("secret_hash", secretHash), Updates.set("secret_rotated_at", date(now)),
                        Updates.inc("version", 1L)), List.of(revocation),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw DomainException.notFound("Service account", id);
        }
        return toAccount(after);
    }

    private MongoCollection<Document> accounts() {
        return database.collection(AuthDatabase.SERVICE_ACCOUNTS);
    }

    /** The writes that carry {@code auth.events}: they go into the account's outbox in the same update. */
    private OutboxWrites writes() {
        return relay.writes(accounts(), Topics.AUTH_EVENTS);
    }

    private static ServiceAccount toAccount(Document d) {
        Number version = d.get("version", Number.class);
        return new ServiceAccount(d.getString("_id"), d.getString("name"), d.getList("roles", String.class),
                Boolean.TRUE.equals(d.getBoolean("active")), version == null ? 0 : version.longValue(),
                instant(d, "created_at"), instant(d, "secret_rotated_at"), d.getString("secret_hash"));
    }
}
