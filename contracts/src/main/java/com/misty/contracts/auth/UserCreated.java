package com.misty.contracts.auth;

/** A user account was created. */
public record UserCreated(String userId, String username, String role) {
}
