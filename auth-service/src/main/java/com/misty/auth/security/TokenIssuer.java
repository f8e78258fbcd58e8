package com.misty.auth.security;

import com.misty.platform.security.AccessTokenOnly;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Mints RS256 access tokens with the suite's claims, signed by the current key (its kid in the header). */
@ApplicationScoped
public class TokenIssuer {

    /** The login (refresh-token family) an access token belongs to, so logout can end exactly that one. */
    public static final String SESSION_CLAIM = "sid";

    private final KeyRing keys;
    private final String issuer;
    private final String audience;

    public TokenIssuer(KeyRing keys,
                       @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                       @ConfigProperty(name = "mp.jwt.verify.audiences") List<String> audiences) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audiences.get(0);
    }

    public record AccessToken(String token, long expiresInSeconds) {
    }

    public AccessToken issue(String subject, String upn, Collection<String> groups, String sessionId, Duration lifetime) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(audience)
                .subject(subject)
                .upn(upn)
                .groups(new HashSet<>(groups))
                .claim("jti", UUID.randomUUID().toString())
                .claim(AccessTokenOnly.CLAIM, AccessTokenOnly.ACCESS)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime));
        if (sessionId != null) {
            claims.claim(SESSION_CLAIM, sessionId);
        }
        KeyRing.SigningKey key = keys.signingKey();
        String token = claims.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).sign(key.privateKey());
        return new AccessToken(token, lifetime.toSeconds());
    }
}
