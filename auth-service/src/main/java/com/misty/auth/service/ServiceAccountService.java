package com.misty.auth.service;

import com.misty.auth.config.AuthConfig;
import com.misty.auth.domain.AuthProblems;
import com.misty.auth.domain.RefreshTokens;
import com.misty.auth.domain.ServiceAccount;
import com.misty.auth.domain.UserRoles;
import com.misty.auth.domain.Usernames;
import com.misty.auth.repository.ServiceAccountRepository;
import com.misty.auth.security.TokenIssuer;
import com.misty.platform.problem.DomainException;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.auth.ServiceAccountRevoked;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Service accounts for machine clients. Their secrets are 256 random bits, so a plain SHA-256 is a safe
 * stored form (unlike passwords they cannot be guessed from a dictionary) and checking one is cheap.
 */
@ApplicationScoped
public class ServiceAccountService {

    private final ServiceAccountRepository accounts;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;
    private final AuthConfig config;
    private final CurrentAdmin currentAdmin;

    public ServiceAccountService(ServiceAccountRepository accounts, TokenIssuer tokens, LoginThrottle throttle,
                                 AuthConfig config, CurrentAdmin currentAdmin) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.config = config;
        this.currentAdmin = currentAdmin;
    }

    /** An account together with its client secret, which is shown this once and never again. */
    public record WithSecret(ServiceAccount account, String clientSecret) {
    }

    public WithSecret create(String name, List<String> roles, String actor) {
        currentAdmin.require(actor);
        String validName = Usernames.requireValid(name);
        String secret = RefreshTokens.newToken();
        Instant now = Instant.now();
        ServiceAccount account = new ServiceAccount(UUID.randomUUID().toString(), validName,
                UserRoles.requireKnown(roles), true, 1, now, now, RefreshTokens.hash(secret));
        accounts.insert(account);
        return new WithSecret(account, secret);
    }

    public List<ServiceAccount> list(String actor) {
        currentAdmin.require(actor);
        return accounts.list();
    }

    public ServiceAccount get(String id, String actor) {
        currentAdmin.require(actor);
        return find(id);
    }

    private ServiceAccount find(String id) {
        return accounts.findAccount(id).orElseThrow(() -> DomainException.notFound("Service account", id));
    }

    /**
     * Disabling the account, or changing its roles, voids the access tokens it holds (announced in the same
     * update, so every service refuses them within seconds).
     */
    public ServiceAccount update(String id, Boolean active, List<String> roles, long version, String actor) {
        currentAdmin.require(actor);
        ServiceAccount current = find(id);
        List<String> newRoles = roles == null ? null : UserRoles.requireKnown(roles);
        Instant now = Instant.now();
        String reason = Boolean.FALSE.equals(active) && current.active() ? "disabled"
                : newRoles != null && !newRoles.equals(current.roles()) ? "roles_changed" : null;
        return accounts.updateIfVersion(id, version, active, newRoles,
                reason == null ? null : revocation(id, now, reason, actor));
    }

    /** The old secret stops working, and so do the tokens obtained with it. */
    public WithSecret rotateSecret(String id, String actor) {
        currentAdmin.require(actor);
        String secret = RefreshTokens.newToken();
        Instant now = Instant.now();
        return new WithSecret(accounts.replaceSecret(id, RefreshTokens.hash(secret), now,
                revocation(id, now, "secret_rotated", actor)), secret);
    }

    private static EventEnvelope revocation(String id, Instant now, String reason, String actor) {
        AuthMetrics.revoked("service_account_" + reason);
        return EventEnvelope.of(id, actor, new ServiceAccountRevoked(id, now, reason));
    }

    /** The client-credentials grant: an access token for the account, no refresh token. */
    public TokenIssuer.AccessToken token(String clientId, String clientSecret, String clientAddress) {
        LoginThrottle.Keys keys = LoginThrottle.forClient(clientId, clientAddress);
        throttle.requireNotLocked(keys);
        Optional<ServiceAccount> account = clientId == null ? Optional.empty() : accounts.findAccount(clientId);
        String presentedHash = RefreshTokens.hash(clientSecret == null ? "" : clientSecret);
        boolean matches = account.isPresent() && MessageDigest.isEqual(
                presentedHash.getBytes(StandardCharsets.US_ASCII),
                account.get().secretHash().getBytes(StandardCharsets.US_ASCII));
        if (!matches || !account.get().active()) {
            throttle.recordFailure(keys);
            throw AuthProblems.invalidClient();
        }
        ServiceAccount found = account.get();
        return tokens.issue(found.id(), found.name(), found.roles(), null, config.serviceTokenLifetime());
    }
}
