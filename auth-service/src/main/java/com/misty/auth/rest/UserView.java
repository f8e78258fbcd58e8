package com.misty.auth.rest;

import com.misty.auth.domain.User;

import java.time.Instant;

/** A user as administrators see it; {@code password_reset_required}: imported without a usable password. */
public record UserView(String id, String username, String role, String fullName, String email, boolean active,
                       long version, Instant createdAt, boolean passwordResetRequired) {

    static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.role(), user.fullName(), user.email(), user.active(),
                user.version(), user.createdAt(), user.mustResetPassword());
    }
}
