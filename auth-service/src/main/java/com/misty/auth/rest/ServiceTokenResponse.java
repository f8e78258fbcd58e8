package com.misty.auth.rest;

/** The client-credentials answer (RFC 6749 §4.4.3): no refresh token. */
public record ServiceTokenResponse(String accessToken, String tokenType, long expiresIn) {
}
