package com.misty.auth.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code signing_keys} collection: keys and secrets the service generated for itself (dev and local
 * runs without a configured key), kept so that a restart does not invalidate issued tokens. Each document
 * has a fixed id, so replicas starting together agree on one value: the first insert wins.
 */
@ApplicationScoped
public class SigningKeyRepository implements PanacheMongoRepositoryBase<SigningKeyEntity, String> {

    public static final String GENERATED_SIGNING_KEY = "generated-rsa-signing-key";
    public static final String REFRESH_SUCCESSOR_SECRET = "refresh-successor-secret";

    /** Stores {@code value} under {@code id} unless present; returns whichever value is stored now. */
    public String getOrCreate(String id, String kind, String value) {
        try {
            persist(new SigningKeyEntity(id, kind, value, Instant.now()));
        } catch (RuntimeException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
        }
        return find(id).orElseThrow();
    }

    public Optional<String> find(String id) {
        return findByIdOptional(id).map(SigningKeyEntity::value);
    }

    /** Every stored key of {@code kind}, oldest first (retired generated keys stay published). */
    public List<String> all(String kind) {
        return mongoCollection().find(eq("kind", kind)).sort(Sorts.ascending("created_at"))
                .map(SigningKeyEntity::value).into(new ArrayList<>());
    }
}
