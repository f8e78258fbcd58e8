package com.misty.auth.repository;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.time.Instant;

/** One failed-login counter of {@code login_attempts}, mapped by the driver's record codec. */
@MongoEntity(collection = AuthDatabase.LOGIN_ATTEMPTS)
public record LoginAttemptEntity(@BsonId String key, Long failures,
                                 @BsonProperty("window_start") Instant windowStart,
                                 @BsonProperty("locked_until") Instant lockedUntil) {
}
