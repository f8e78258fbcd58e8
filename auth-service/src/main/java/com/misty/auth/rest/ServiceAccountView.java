package com.misty.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.misty.auth.domain.ServiceAccount;

import java.time.Instant;
import java.util.List;

/** A service account; {@code client_secret} is present only in the answer that created or rotated it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceAccountView(String id, String clientId, String name, List<String> roles, boolean active,
                                 long version, Instant createdAt, Instant secretRotatedAt, String clientSecret) {

    static ServiceAccountView of(ServiceAccount account, String clientSecret) {
        return new ServiceAccountView(account.id(), account.id(), account.name(), account.roles(), account.active(),
                account.version(), account.createdAt(), account.secretRotatedAt(), clientSecret);
    }
}
