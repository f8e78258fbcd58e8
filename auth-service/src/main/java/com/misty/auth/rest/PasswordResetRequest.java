package com.misty.auth.rest;

import jakarta.validation.constraints.Size;

/** Without {@code new_password} a temporary one is generated and returned once. */
public record PasswordResetRequest(@Size(max = 1024) String newPassword) {
}
