package com.misty.auth.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ChangePasswordRequest(@NotNull @Size(max = 1024) String currentPassword,
                                    @NotNull @Size(max = 1024) String newPassword) {
}
