package com.misty.contracts.auth;

import java.time.Instant;

/**
 * One login (refresh-token family {@code sessionId}) of a user was ended by logout: access tokens carrying that
 * {@code sid} and issued before {@code at} must be refused; the user's other logins are untouched.
 */
public record SessionEnded(String userId, String sessionId, Instant at) {
}
