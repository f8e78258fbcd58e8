package com.misty.auth.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.auth.domain.StoredRefreshToken;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Optional;

import static com.misty.auth.repository.AuthDatabase.date;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

/**
 * The {@code refresh_tokens} collection: one document per token, keyed by the token's SHA-256. Expiry is
 * checked in code (no TTL index: the stand-in never expires documents, and correctness must not depend on it).
 */
@ApplicationScoped
public class RefreshTokenRepository implements PanacheMongoRepositoryBase<RefreshTokenEntity, String> {

    public void insert(StoredRefreshToken token) {
        persist(RefreshTokenEntity.of(token));
    }

    /**
     * Stores {@code token} unless a document with its hash exists already: successors are derived, so two
     * concurrent rotations of one token store the same successor, and the second store must be a no-op.
     */
    public void insertIfAbsent(StoredRefreshToken token) {
        try {
            persist(RefreshTokenEntity.of(token));
        } catch (RuntimeException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
        }
    }

    public Optional<StoredRefreshToken> find(String hash) {
        return findByIdOptional(hash).map(RefreshTokenEntity::toToken);
    }

    // ---- the guards -------------------------------------------------------------------------------------

    /** A token is rotated once: nobody rotated it before (presenting it again is reuse, see SessionService). */
    static Bson neverRotated() {
        return eq("rotated_at", null);
    }

    /** A revoked token stays revoked: it is not rotated, and revoking it again keeps its first time and reason. */
    static Bson notRevoked() {
        return eq("revoked_at", null);
    }

    // ---- the updates ------------------------------------------------------------------------------------

    /**
     * The one atomic rotation: marks the token rotated to {@code successorHash} only if nobody rotated or
     * revoked it before. Returns false when another request got there first.
     */
    public boolean rotate(String hash, String successorHash, Instant now) {
        RefreshTokenEntity before = mongoCollection().findOneAndUpdate(
                and(eq("_id", hash), neverRotated(), notRevoked()),
                Updates.combine(Updates.set("rotated_at", date(now)), Updates.set("successor_hash", successorHash)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return before != null;
    }

    /** Revokes every token of one login (a session family); returns how many were still live. */
    public long revokeFamily(String familyId, Instant now, String reason) {
        return mongoCollection().updateMany(and(eq("family_id", familyId), notRevoked()), revoke(now, reason))
                .getModifiedCount();
    }

    public long revokeAllOfUser(String userId, Instant now, String reason) {
        return mongoCollection().updateMany(and(eq("user_id", userId), notRevoked()), revoke(now, reason))
                .getModifiedCount();
    }

    public long revokeAllOfUserExcept(String userId, String keptFamilyId, Instant now, String reason) {
        return mongoCollection().updateMany(and(eq("user_id", userId), ne("family_id", keptFamilyId), notRevoked()),
                revoke(now, reason)).getModifiedCount();
    }

    private static Bson revoke(Instant now, String reason) {
        return Updates.combine(Updates.set("revoked_at", date(now)), Updates.set("revoked_reason", reason));
    }
}
