package com.misty.contracts.auth;

import java.time.Instant;

/** A user was deactivated: every token issued to them before {@code at} must be refused. */
public record UserDeactivated(String userId, Instant at) {
}
