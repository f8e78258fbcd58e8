package com.misty.auth.rest;

import com.misty.auth.service.IssuedSession;

/** The original system's login/refresh shape, plus {@code expires_in} (seconds) of the access token. */
public record SessionResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, UserView user) {

    static SessionResponse of(IssuedSession session) {
        return new SessionResponse(session.accessToken(), session.refreshToken(), "bearer", session.expiresIn(),
                UserView.of(session.user()));
    }
}
