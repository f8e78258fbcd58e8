package com.misty.contracts.auth;

import java.time.Instant;

/**
 * A service account was disabled or its secret rotated ({@code reason}): access tokens whose subject is
 * {@code accountId} and that were issued before {@code revokedBefore} must be refused.
 */
public record ServiceAccountRevoked(String accountId, Instant revokedBefore, String reason) {
}
