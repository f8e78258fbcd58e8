package com.misty.auth.service;

import com.misty.auth.domain.PasswordPolicy;
import com.misty.auth.domain.RefreshTokens;
import com.misty.auth.domain.User;
import com.misty.auth.domain.UserRoles;
import com.misty.auth.domain.Usernames;
import com.misty.auth.repository.RefreshTokenRepository;
import com.misty.auth.repository.UserRepository;
import com.misty.auth.security.PasswordHasher;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.auth.SessionsRevoked;
import com.misty.contracts.auth.UserCreated;
import com.misty.contracts.auth.UserDeactivated;
import com.misty.contracts.auth.UserRoleChanged;
import com.misty.platform.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Administration of user accounts: create, change role or status, reset a password. */
@ApplicationScoped
public class UserAdminService {

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final CurrentAdmin currentAdmin;

    public UserAdminService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
                            CurrentAdmin currentAdmin) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.currentAdmin = currentAdmin;
    }

    public record NewUser(String username, String password, String role, String fullName, String email) {
    }

    /** The changes an admin asks for; null means "leave as is". */
    public record UserChanges(String role, Boolean active, String fullName, String email, long version) {
    }

    public User create(NewUser request, String actor) {
        currentAdmin.require(actor);
        return createUnchecked(request, actor);
    }

    /** For the first start's bootstrap admin only: there is no caller to check yet. */
    User createBootstrapAdmin(NewUser request) {
        return createUnchecked(request, "auth-service");
    }

    private User createUnchecked(NewUser request, String actor) {
        String username = Usernames.requireValid(request.username());
        String role = UserRoles.requireKnown(request.role());
        PasswordPolicy.requireAcceptable(request.password(), username);
        User user = new User(UUID.randomUUID().toString(), username, role, request.fullName(), request.email(), true,
                1, Instant.now(), hasher.hash(request.password()), null);
        users.insert(user, EventEnvelope.of(user.id(), actor, new UserCreated(user.id(), username, role)));
        return user;
    }

    public List<User> list(int offset, int limit, String actor) {
        currentAdmin.require(actor);
        return users.list(offset, limit);
    }

    public User get(String id, String actor) {
        currentAdmin.require(actor);
        return find(id);
    }

    private User find(String id) {
        return users.findUser(id).orElseThrow(() -> DomainException.notFound("User", id));
    }

    public User update(String id, UserChanges changes, String actor) {
        currentAdmin.require(actor);
        User current = find(id);
        if (id.equals(actor) && ((changes.role() != null && !changes.role().equals(current.role()))
                || Boolean.FALSE.equals(changes.active()))) {
            throw DomainException.conflict("OWN_ACCESS", "You cannot change your own role or deactivate yourself.");
        }
        Instant now = Instant.now();
        List<EventEnvelope> events = new ArrayList<>();
        String newRole = null;
        if (changes.role() != null && !changes.role().equals(current.role())) {
            newRole = UserRoles.requireKnown(changes.role());
            events.add(EventEnvelope.of(id, actor, new UserRoleChanged(id, newRole, current.role())));
        }
        boolean deactivating = Boolean.FALSE.equals(changes.active()) && current.active();
        if (deactivating) {
            events.add(EventEnvelope.of(id, actor, new UserDeactivated(id, now)));
            events.add(EventEnvelope.of(id, actor, new SessionsRevoked(id, now, "deactivated")));
            AuthMetrics.revoked("deactivated");
        }
        User updated = users.updateIfVersion(id, changes.version(), newRole, changes.active(), changes.fullName(),
                changes.email(), deactivating ? now : null, events);
        if (deactivating) {
            refreshTokens.revokeAllOfUser(id, now, "deactivated");
        }
        return updated;
    }

    /** Sets a new password (the admin's, or a generated one returned once) and ends all the user's logins. */
    public String resetPassword(String id, String newPassword, String actor) {
        currentAdmin.require(actor);
        User user = find(id);
        String password = newPassword != null ? newPassword : RefreshTokens.newToken().substring(0, 20);
        PasswordPolicy.requireAcceptable(password, user.username());
        // Hashed first: the revocation's moment must be right before the update, not a bcrypt earlier, or a login
        // finishing in between would mint a token after that moment while still seeing the old password.
        String hash = hasher.hash(password);
        Instant now = Instant.now();
        users.setPassword(id, hash, now,
                EventEnvelope.of(id, actor, new SessionsRevoked(id, now, "password_reset")), true);
        AuthMetrics.revoked("password_reset");
        refreshTokens.revokeAllOfUser(id, now, "password_reset");
        return newPassword != null ? null : password;
    }
}
