package com.misty.auth.service;

import com.misty.auth.config.AuthConfig;
import com.misty.auth.domain.RefreshTokens;
import com.misty.auth.domain.StoredRefreshToken;
import com.misty.auth.domain.User;
import com.misty.auth.repository.RefreshTokenRepository;
import com.misty.auth.security.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Starts a login (a new refresh-token family) and mints the access tokens that go with a session. */
@ApplicationScoped
public class SessionIssuer {

    private final RefreshTokenRepository refreshTokens;
    private final TokenIssuer tokens;
    private final AuthConfig config;

    public SessionIssuer(RefreshTokenRepository refreshTokens, TokenIssuer tokens, AuthConfig config) {
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.config = config;
    }

    public IssuedSession start(User user) {
        String familyId = UUID.randomUUID().toString();
        String refreshToken = RefreshTokens.newToken();
        Instant now = Instant.now();
        refreshTokens.insert(new StoredRefreshToken(RefreshTokens.hash(refreshToken), familyId, user.id(), now,
                StoredRefreshToken.expiryOfNewToken(now, config.refreshTokenLifetime(), now, config.sessionLifetime()),
                null, null, null, now));
        return session(user, familyId, refreshToken);
    }

    /** An access token for {@code user} in login {@code familyId}, handed out with {@code refreshToken}. */
    public IssuedSession session(User user, String familyId, String refreshToken) {
        TokenIssuer.AccessToken access = tokens.issue(user.id(), user.username(), List.of(user.role()), familyId,
                config.accessTokenLifetime());
        return new IssuedSession(access.token(), refreshToken, access.expiresInSeconds(), user, familyId);
    }
}
