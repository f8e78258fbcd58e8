package com.misty.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Only access tokens open the APIs: a signed token minted for another use is refused at authentication,
 * before any resource sees it, even though its signature, issuer and audience are valid.
 */
@ApplicationScoped
public class AccessTokenOnly implements SecurityIdentityAugmentor {

    public static final String CLAIM = "token_use";
    public static final String ACCESS = "access";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && !ACCESS.equals(jwt.getClaim(CLAIM))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Not an access token"));
        }
        return Uni.createFrom().item(identity);
    }
}
