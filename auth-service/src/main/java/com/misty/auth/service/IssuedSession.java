package com.misty.auth.service;

import com.misty.auth.domain.User;

/** What a login or a refresh hands to the client: a new access token, the refresh token, the user. */
public record IssuedSession(String accessToken, String refreshToken, long expiresIn, User user, String familyId) {
}
