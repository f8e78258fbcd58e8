package com.misty.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Only access tokens open the APIs: a token minted for another use (whatever auth-service may add later)
 * is refused even though its signature is valid.
 */
public class AccessTokenUseCheck {

    public static final String CLAIM = "token_use";
    public static final String ACCESS = "access";

    @ServerRequestFilter
    public void requireAccessToken(SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt
                && !ACCESS.equals(jwt.getClaim(CLAIM))) {
            throw new AuthenticationFailedException("Not an access token");
        }
    }
}
