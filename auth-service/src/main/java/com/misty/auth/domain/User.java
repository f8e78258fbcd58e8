package com.misty.auth.domain;

import java.time.Instant;

/** A person who logs in. {@code passwordHash} never leaves the service. */
public record User(String id, String username, String role, String fullName, String email, boolean active,
                   long version, Instant createdAt, String passwordHash, Instant sessionsRevokedAt) {
}
