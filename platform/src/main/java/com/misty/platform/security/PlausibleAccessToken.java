package com.misty.platform.security;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

import java.time.Duration;
import java.util.List;

/**
 * What can be said of an access token without the key that signed it: whether everything but the signature would
 * pass (RS256, issuer, audience, not expired, subject and issue time present, {@code token_use=access}). While the
 * signing keys are not loaded, a token that fails this is bad whatever the keys say (401), and one that passes
 * cannot be judged yet (503, try again). Used by the gateway's verifier and the services' 401 mapping alike.
 */
public final class PlausibleAccessToken {

    private final JwtConsumer claimChecks;

    public PlausibleAccessToken(String issuer, List<String> audiences, Duration clockSkew) {
        this.claimChecks = new JwtConsumerBuilder()
                .setSkipSignatureVerification()
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audiences.toArray(String[]::new))
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) clockSkew.toSeconds())
                .build();
    }

    /** Whether {@code token} would be accepted if its signature is good. */
    public boolean test(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        try {
            JwtContext context = claimChecks.process(token);
            JwtClaims claims = context.getJwtClaims();
            return context.getJoseObjects().size() == 1
                    && AlgorithmIdentifiers.RSA_USING_SHA256.equals(context.getJoseObjects().get(0).getAlgorithmHeaderValue())
                    && AccessTokenOnly.ACCESS.equals(claims.getClaimValue(AccessTokenOnly.CLAIM));
        } catch (Exception e) {
            return false; // unreadable, or a claim that refuses it
        }
    }
}
