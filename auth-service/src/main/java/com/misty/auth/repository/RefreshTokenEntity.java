package com.misty.auth.repository;

import com.misty.auth.domain.StoredRefreshToken;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.time.Instant;

/** One document of {@code refresh_tokens}, keyed by the token's SHA-256, mapped by the driver's record codec. */
@MongoEntity(collection = AuthDatabase.REFRESH_TOKENS)
public record RefreshTokenEntity(@BsonId String hash,
                                 @BsonProperty("family_id") String familyId,
                                 @BsonProperty("user_id") String userId,
                                 @BsonProperty("issued_at") Instant issuedAt,
                                 @BsonProperty("expires_at") Instant expiresAt,
                                 @BsonProperty("rotated_at") Instant rotatedAt,
                                 @BsonProperty("successor_hash") String successorHash,
                                 @BsonProperty("revoked_at") Instant revokedAt,
                                 @BsonProperty("family_started_at") Instant familyStartedAt) {

    static RefreshTokenEntity of(StoredRefreshToken token) {
        return new RefreshTokenEntity(token.hash(), token.familyId(), token.userId(), token.issuedAt(),
                token.expiresAt(), token.rotatedAt(), token.successorHash(), token.revokedAt(), token.familyStartedAt());
    }

    StoredRefreshToken toToken() {
        return new StoredRefreshToken(hash, familyId, userId, issuedAt, expiresAt, rotatedAt, successorHash,
                revokedAt, familyStartedAt);
    }
}
