package com.misty.platform.security.revocation;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every service refuses a token that auth-service has revoked (logout, role change, deactivation, password
 * change, service-account disable), not only the gateway: a request that reaches a service port directly gets
 * 401 too. Runs at authentication, before any resource sees the identity.
 */
@ApplicationScoped
public class RevokedTokenRefusal implements SecurityIdentityAugmentor {

    static final String SESSION_CLAIM = "sid";

    private final Revocations revocations;

    public RevokedTokenRefusal(Revocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        if (!revocations.isReplayed()) {
            return Uni.createFrom().failure(new RevocationsNotReadyException());
        }
        if (revocations.isRevoked(new JwtToken(jwt))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Token revoked"));
        }
        return Uni.createFrom().item(identity);
    }

    private record JwtToken(JsonWebToken jwt) implements RevocableToken {
        @Override
        public String subject() {
            return jwt.getSubject();
        }

        @Override
        public String sessionId() {
            Object sid = jwt.getClaim(SESSION_CLAIM);
            if (sid instanceof jakarta.json.JsonString json) {
                return json.getString();
            }
            return sid == null ? null : sid.toString();
        }

        @Override
        public long issuedAtSeconds() {
            return jwt.getIssuedAtTime();
        }
    }
}
