package com.misty.auth.repository;

import com.misty.auth.domain.User;
import com.misty.auth.domain.Usernames;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.time.Instant;

/**
 * The fields of {@code users} this service writes for a new user, mapped by the driver's record codec;
 * {@code username_lower} is what the unique index compares. Reading stays by hand ({@link UserRepository#toUser}):
 * the original system's users are in the same collection with other types and names.
 */
@MongoEntity(collection = AuthDatabase.USERS)
public record UserEntity(@BsonId String id, String username,
                         @BsonProperty("username_lower") String usernameLower,
                         @BsonProperty("password_hash") String passwordHash,
                         String role,
                         @BsonProperty("full_name") String fullName,
                         String email, boolean active, long version,
                         @BsonProperty("created_at") Instant createdAt) {

    static UserEntity of(User user) {
        return new UserEntity(user.id(), user.username(), Usernames.normalize(user.username()), user.passwordHash(),
                user.role(), user.fullName(), user.email(), user.active(), user.version(), user.createdAt());
    }
}
