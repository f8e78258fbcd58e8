package com.misty.auth.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

public record CreateServiceAccountRequest(@NotBlank @Size(max = 64) String name, @NotEmpty List<String> roles) {
}
