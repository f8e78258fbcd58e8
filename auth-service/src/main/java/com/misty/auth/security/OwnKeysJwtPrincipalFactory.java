package com.misty.auth.security;

import jakarta.annotation.Priority;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * auth-service verifies incoming tokens against its own key ring in memory rather than fetching its own JWKS
 * over HTTP: same checks as every other service (RS256 only, signature, iss, aud, exp with the configured
 * skew), no self-call at startup or on the request path.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class OwnKeysJwtPrincipalFactory extends JWTCallerPrincipalFactory {

    private final KeyRing keys;

    public OwnKeysJwtPrincipalFactory(KeyRing keys) {
        this.keys = keys;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JwksVerificationKeyResolver resolver = new JwksVerificationKeyResolver(keys.verificationKeys());
        // Tokens without a kid (e.g. minted by tests) are matched by trying each key.
        resolver.setDisambiguateWithVerifySignature(true);
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(context.getClockSkew())
                .setExpectedIssuer(true, context.getIssuedBy())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(resolver);
        if (context.getExpectedAudience() != null && !context.getExpectedAudience().isEmpty()) {
            builder.setExpectedAudience(context.getExpectedAudience().toArray(String[]::new));
        } else {
            builder.setSkipDefaultAudienceValidation();
        }
        JwtConsumer consumer = builder.build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            claims.setClaim(Claims.raw_token.name(), token);
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        } catch (InvalidJwtException e) {
            throw new ParseException("Token refused: " + e.getMessage(), e);
        }
    }
}
