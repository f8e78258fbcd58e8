package com.misty.auth.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Fields left out stay as they are; {@code version} is the one the change was based on. */
public record UpdateUserRequest(String role, Boolean active, @Size(max = 200) String fullName,
                                @Email @Size(max = 254) String email, @NotNull Long version) {
}
