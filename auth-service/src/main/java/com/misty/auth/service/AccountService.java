package com.misty.auth.service;

import com.misty.auth.domain.AuthProblems;
import com.misty.auth.domain.PasswordPolicy;
import com.misty.auth.domain.User;
import com.misty.auth.repository.RefreshTokenRepository;
import com.misty.auth.repository.UserRepository;
import com.misty.auth.security.PasswordHasher;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.auth.SessionsRevoked;
import com.misty.platform.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** What a logged-in user does with their own account. */
@ApplicationScoped
public class AccountService {

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    public AccountService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
                          LoginThrottle throttle) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /**
     * The caller's account; an access token of a deactivated user, or one issued before a logout-everywhere,
     * no longer opens it (the token is still within its signature-valid lifetime).
     */
    public User me(String userId, Instant tokenIssuedAt) {
        User user = users.findUser(userId).orElseThrow(AuthProblems::sessionEnded);
        if (!user.active()) {
            throw AuthProblems.sessionEnded();
        }
        // iat has whole seconds: compare at that precision so a token minted right after the revocation passes.
        if (user.sessionsRevokedAt() != null && tokenIssuedAt != null
                && tokenIssuedAt.getEpochSecond() < user.sessionsRevokedAt().getEpochSecond()) {
            throw AuthProblems.sessionEnded();
        }
        return user;
    }

    /**
     * Changes the caller's password and ends their other logins; the current one ({@code familyId}) stays. A wrong
     * current password counts like a failed login of the account (a stolen access token is no password oracle).
     */
    public void changePassword(String userId, String familyId, Instant tokenIssuedAt, String currentPassword,
                               String newPassword, String clientAddress) {
        User user = me(userId, tokenIssuedAt);
        LoginThrottle.Keys keys = LoginThrottle.forUser(user.username(), clientAddress);
        throttle.requireNotLocked(keys);
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            throttle.recordFailure(keys);
            throw DomainException.badRequest("WRONG_PASSWORD", "The current password is not correct.");
        }
        PasswordPolicy.requireAcceptable(newPassword, user.username());
        if (hasher.matches(newPassword, user.passwordHash())) {
            throw DomainException.badRequest("WEAK_PASSWORD", "The new password must differ from the current one.");
        }
        // Hashed first, so that the revocation's moment is right before the update (see UserAdminService).
        String hash = hasher.hash(newPassword);
        Instant now = Instant.now();
        users.setPassword(userId, hash, now,
                EventEnvelope.of(userId, userId, new SessionsRevoked(userId, now, "password_changed")), false);
        AuthMetrics.revoked("password_changed");
        if (familyId == null) {
            refreshTokens.revokeAllOfUser(userId, now, "password_changed");
        } else {
            refreshTokens.revokeAllOfUserExcept(userId, familyId, now, "password_changed");
        }
    }
}
