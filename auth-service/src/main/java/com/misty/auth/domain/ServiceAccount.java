package com.misty.auth.domain;

import java.time.Instant;
import java.util.List;

/** A machine client that obtains access tokens with its client secret (client-credentials grant). */
public record ServiceAccount(String id, String name, List<String> roles, boolean active, long version,
                             Instant createdAt, Instant secretRotatedAt, String secretHash) {
}
