package com.misty.auth.repository;

import com.misty.auth.domain.ServiceAccount;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One document of {@code service_accounts}, mapped by the driver's record codec; {@code name_lower} is what the
 * unique index compares.
 */
@MongoEntity(collection = AuthDatabase.SERVICE_ACCOUNTS)
public record ServiceAccountEntity(@BsonId String id, String name,
                                   @BsonProperty("name_lower") String nameLower,
                                   List<String> roles, Boolean active, Long version,
                                   @BsonProperty("created_at") Instant createdAt,
                                   @BsonProperty("secret_rotated_at") Instant secretRotatedAt,
                                   @BsonProperty("secret_hash") String secretHash) {

    static ServiceAccountEntity of(ServiceAccount account) {
        return new ServiceAccountEntity(account.id(), account.name(), account.name().toLowerCase(Locale.ROOT),
                account.roles(), account.active(), account.version(), account.createdAt(), account.secretRotatedAt(),
                account.secretHash());
    }

    ServiceAccount toAccount() {
        return new ServiceAccount(id, name, roles, Boolean.TRUE.equals(active), version == null ? 0 : version,
                createdAt, secretRotatedAt, secretHash);
    }
}
