package com.misty.auth.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record CreateUserRequest(@NotBlank @Size(max = 64) String username, @NotNull @Size(max = 1024) String password,
                                @NotBlank String role, @Size(max = 200) String fullName,
                                @Email @Size(max = 254) String email) {
}
