package com.misty.auth.repository;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.time.Instant;

/** One document of {@code signing_keys}, mapped by the driver's record codec. */
@MongoEntity(collection = AuthDatabase.SIGNING_KEYS)
public record SigningKeyEntity(@BsonId String id, String kind, String value,
                               @BsonProperty("created_at") Instant createdAt) {
}
