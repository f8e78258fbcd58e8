package com.misty.auth.rest;

import jakarta.validation.constraints.NotNull;

import java.util.List;

public record UpdateServiceAccountRequest(Boolean active, List<String> roles, @NotNull Long version) {
}
