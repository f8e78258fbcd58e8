package com.misty.contracts.auth;

import java.time.Instant;

/**
 * Sessions of a user were revoked (logout-all, password change, refresh-token reuse): access tokens of that
 * user issued before {@code revokedBefore} must be refused even though they have not expired.
 */
public record SessionsRevoked(String userId, Instant revokedBefore, String reason) {
}
