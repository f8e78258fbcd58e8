package com.misty.auth.service;

import com.misty.auth.domain.AuthProblems;
import com.misty.auth.domain.User;
import com.misty.auth.repository.RefreshTokenRepository;
import com.misty.auth.repository.UserRepository;
import com.misty.auth.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/** Password login: throttled, and indistinguishable for unknown users and wrong passwords. */
@ApplicationScoped
public class LoginService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionIssuer sessions;
    private final RefreshTokenRepository refreshTokens;

    public LoginService(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, SessionIssuer sessions,
                        RefreshTokenRepository refreshTokens) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
    }

    public IssuedSession login(String username, String password, String clientAddress) {
        Instant checkedAt = Instant.now();
        LoginThrottle.Keys keys = LoginThrottle.forUser(username, clientAddress);
        throttle.requireNotLocked(keys);

        Optional<User> found = username == null ? Optional.empty() : users.findByUsername(username);
        boolean passwordMatches;
        if (found.isPresent() && !found.get().mustResetPassword()) {
            passwordMatches = hasher.matches(password, found.get().passwordHash());
        } else {
            // Unknown, or imported without a usable password: the same refusal, after the same time.
            hasher.matchNothing(password);
            passwordMatches = false;
        }
        if (!passwordMatches) {
            throttle.recordFailure(keys);
            AuthMetrics.signInFailed();
            throw AuthProblems.invalidCredentials();
        }
        User user = found.get();
        throttle.recordSuccess(keys);
        if (!user.active()) {
            throw AuthProblems.accountDisabled();
        }
        IssuedSession session = sessions.start(user);
        requireUnchangedSince(user, checkedAt, session);
        return session;
    }

    /**
     * A password change or reset, a deactivation, a role change or a logout-everywhere that landed while this login
     * checked the password (bcrypt takes a while) must not leave it a usable session. The new refresh token is
     * already stored, so a change that comes after this re-read revokes it (and the new access token) like any
     * other; one that came before is seen here, and the session is ended before the client ever gets it.
     */
    private void requireUnchangedSince(User checked, Instant checkedAt, IssuedSession session) {
        User current = users.findUser(checked.id()).orElse(null);
        boolean unchanged = current != null && current.active()
                && current.passwordHash().equals(checked.passwordHash()) && current.role().equals(checked.role())
                && (current.sessionsRevokedAt() == null || current.sessionsRevokedAt().isBefore(checkedAt));
        if (!unchanged) {
            refreshTokens.revokeFamily(session.familyId(), Instant.now(), "credentials_changed_during_login");
            throw current != null && !current.active() ? AuthProblems.accountDisabled()
                    : AuthProblems.invalidCredentials();
        }
    }
}
