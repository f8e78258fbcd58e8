package com.misty.auth.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.auth.domain.ServiceAccount;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.platform.outbox.OutboxRelayService;
import com.misty.platform.outbox.OutboxWrites;
import com.misty.platform.problem.DomainException;
import com.misty.platform.storage.EntityFields;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.misty.auth.repository.AuthDatabase.date;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/** The {@code service_accounts} collection; client secrets are stored only as hashes. */
@ApplicationScoped
public class ServiceAccountRepository implements PanacheMongoRepositoryBase<ServiceAccountEntity, String> {

    private final OutboxRelayService relay;

    public ServiceAccountRepository(OutboxRelayService relay) {
        this.relay = relay;
    }

    public void insert(ServiceAccount account) {
        try {
            persist(ServiceAccountEntity.of(account));
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                throw DomainException.conflict("NAME_TAKEN", "A service account with this name already exists");
            }
            throw e;
        }
    }

    public Optional<ServiceAccount> findAccount(String id) {
        return findByIdOptional(id).map(ServiceAccountEntity::toAccount);
    }

    /** The service accounts among {@code ids} (unknown ids are left out). */
    public List<ServiceAccount> findByIds(Collection<String> ids) {
        return mongoCollection().find(in("_id", ids)).map(ServiceAccountEntity::toAccount).into(new ArrayList<>());
    }

    public List<ServiceAccount> list() {
        return mongoCollection().find().sort(Sorts.ascending("name_lower")).map(ServiceAccountEntity::toAccount)
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
            ServiceAccount current = findAccount(id).orElseThrow(() -> DomainException.notFound("Service account", id));
            throw DomainException.conflict("VERSION_CONFLICT", "Service account was modified by another user.")
                    .with("current_version", current.version());
        }
        return account(after);
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
        return account(after);
    }

    /** The writes that carry {@code auth.events}: they go into the account's outbox in the same update. */
    private OutboxWrites writes() {
        return relay.writes(mongoCollection().withDocumentClass(Document.class), Topics.AUTH_EVENTS);
    }

    /** An account the outbox writes returned as a raw document, read by the record codec. */
    private ServiceAccount account(Document d) {
        return EntityFields.read(d, ServiceAccountEntity.class, mongoCollection().getCodecRegistry()).toAccount();
    }
}
