package com.misty.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record PasswordResetResponse(String userId, String temporaryPassword) {
}
