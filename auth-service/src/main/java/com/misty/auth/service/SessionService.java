package com.misty.auth.service;

import com.misty.auth.config.AuthConfig;
import com.misty.auth.domain.AuthProblems;
import com.misty.auth.domain.RefreshOutcome;
import com.misty.auth.domain.RefreshTokens;
import com.misty.auth.domain.StoredRefreshToken;
import com.misty.auth.domain.User;
import com.misty.auth.repository.RefreshTokenRepository;
import com.misty.auth.repository.UserRepository;
import com.misty.auth.security.KeyRing;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.auth.SessionEnded;
import com.misty.contracts.auth.SessionsRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Refresh-token rotation with reuse detection, and logout. A token is rotated by one conditional update; a
 * repeat within the grace window gets the same (derived) successor; a replay after it revokes the login.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);
    private static final Logger SECURITY = Logger.getLogger("com.misty.auth.security-events");

    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final SessionIssuer sessions;
    private final KeyRing keys;
    private final AuthConfig config;

    public SessionService(RefreshTokenRepository refreshTokens, UserRepository users, SessionIssuer sessions,
                          KeyRing keys, AuthConfig config) {
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.sessions = sessions;
        this.keys = keys;
        this.config = config;
    }

    public IssuedSession refresh(String presented) {
        if (!RefreshTokens.hasTokenShape(presented)) {
            throw AuthProblems.invalidRefreshToken();
        }
        String hash = RefreshTokens.hash(presented);
        StoredRefreshToken stored = refreshTokens.find(hash).orElseThrow(AuthProblems::invalidRefreshToken);
        String successor = RefreshTokens.successorOf(presented, keys.successorSecret());
        String successorHash = RefreshTokens.hash(successor);
        // At most twice: a lost rotation race re-reads the token, which then is a repeat within the grace window.
        for (int round = 0; round < 2; round++) {
            Instant now = Instant.now();
            switch (RefreshOutcome.of(stored, now, config.refreshGraceWindow(), config.sessionLifetime())) {
                case ROTATE -> {
                    User user = liveUser(stored);
                    // The successor is stored before the rotation is claimed: whoever wins, it already exists.
                    refreshTokens.insertIfAbsent(new StoredRefreshToken(successorHash, stored.familyId(), stored.userId(),
                            now, StoredRefreshToken.expiryOfNewToken(now, config.refreshTokenLifetime(),
                            stored.loginStartedAt(), config.sessionLifetime()), null, null, null,
                            stored.loginStartedAt()));
                    if (refreshTokens.rotate(hash, successorHash, now)) {
                        return sessions.session(user, stored.familyId(), successor);
                    }
                    stored = refreshTokens.find(hash).orElseThrow(AuthProblems::invalidRefreshToken);
                }
                case REPEAT_WITHIN_GRACE -> {
                    if (!successorHash.equals(stored.successorHash())) {
                        // The successor secret changed in between: cannot reproduce it, but this is no theft.
                        throw AuthProblems.invalidRefreshToken();
                    }
                    return sessions.session(liveUser(stored), stored.familyId(), successor);
                }
                case REUSED -> throw revokeForReuse(stored, now);
                case EXPIRED, REVOKED -> throw AuthProblems.invalidRefreshToken();
            }
        }
        throw AuthProblems.invalidRefreshToken();
    }

    /**
     * Ends the caller's login: its refresh-token family, and (announced as {@code SessionEnded}) every access
     * token of that login, at the gateway and at every service.
     */
    public void logout(String userId, String familyId) {
        if (familyId != null) {
            Instant now = Instant.now();
            users.announce(userId, EventEnvelope.of(userId, userId, new SessionEnded(userId, familyId, now)));
            refreshTokens.revokeFamily(familyId, now, "logout");
            AuthMetrics.revoked("logout");
        }
    }

    /** Ends every login of the user and announces that access tokens issued before now are void. */
    public void logoutEverywhere(String userId, String reason) {
        Instant now = Instant.now();
        users.markSessionsRevoked(userId, now,
                EventEnvelope.of(userId, userId, new SessionsRevoked(userId, now, reason)));
        refreshTokens.revokeAllOfUser(userId, now, reason);
        AuthMetrics.revoked(reason);
    }

    private RuntimeException revokeForReuse(StoredRefreshToken stored, Instant now) {
        long revoked = refreshTokens.revokeFamily(stored.familyId(), now, "refresh_token_reuse");
        AuthMetrics.refreshTokenReuseDetected();
        AuthMetrics.revoked("refresh_token_reuse");
        SECURITY.warnf("SECURITY refresh token reuse: user %s, session family %s, rotated at %s; revoked %d token(s)",
                stored.userId(), stored.familyId(), stored.rotatedAt(), revoked);
        users.announce(stored.userId(), EventEnvelope.of(stored.userId(), "auth-service",
                new SessionsRevoked(stored.userId(), now, "refresh_token_reuse")));
        return AuthProblems.refreshTokenReused();
    }

    /** The token's user, still active and not logged out everywhere since the token was issued. */
    private User liveUser(StoredRefreshToken stored) {
        User user = users.findUser(stored.userId()).orElseThrow(AuthProblems::invalidRefreshToken);
        if (!user.active()) {
            throw AuthProblems.invalidRefreshToken();
        }
        if (user.sessionsRevokedAt() != null && !stored.issuedAt().isAfter(user.sessionsRevokedAt())) {
            LOG.debugf("Refresh token of user %s predates the revocation of all sessions", user.id());
            throw AuthProblems.invalidRefreshToken();
        }
        return user;
    }
}
