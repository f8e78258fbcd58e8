package com.misty.gateway.security;

import java.util.Set;

/** What the gateway needs from an access token whose signature and claims checked out. */
public record VerifiedToken(String subject, Set<String> roles, long issuedAtSeconds, long expiresAtSeconds) {
}
