package com.misty.gateway.security;

import com.misty.platform.security.revocation.RevocableToken;

import java.util.Set;

/**
 * What the gateway needs from an access token whose signature and claims checked out.
 *
 * @param sessionId the {@code sid} claim (the login); null for service-account tokens
 */
public record VerifiedToken(String subject, Set<String> roles, long issuedAtSeconds, long expiresAtSeconds,
                            String sessionId) implements RevocableToken {
}
