package com.misty.contracts.auth;

/** A user's role changed. */
public record UserRoleChanged(String userId, String role, String previousRole) {
}
