package com.misty.auth.rest;

/** The token's shape is checked by the service: anything malformed is a 401 like any other bad token. */
public record RefreshRequest(String refreshToken) {
}
