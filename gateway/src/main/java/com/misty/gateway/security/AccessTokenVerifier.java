package com.misty.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.gateway.config.GatewayConfig;
import com.misty.platform.events.EventJson;
import com.misty.platform.security.PlausibleAccessToken;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import java.security.Key;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * Checks an access token the way every service will again: RS256 only (so {@code none} and HMAC tokens signed
 * with the public key are refused), a key from auth-service's JWKS, issuer, audience, expiry with a small skew,
 * an issue time, and the token-use claim {@code access} (a refresh or other token is not an access token).
 */
@ApplicationScoped
public class AccessTokenVerifier {

    static final String TOKEN_USE = "token_use";
    public static final String NO_TOKEN = "no token";

    private final JwksKeys keys;
    private final JwtConsumer consumer;
    /** The same claim checks without the signature: what can be said of a token while the keys are missing. */
    private final PlausibleAccessToken plausible;
    private final int maxTokenLength;
    private final long cacheTtlMillis;
    private final int cacheSize;
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

    public AccessTokenVerifier(JwksKeys keys, GatewayConfig config) {
        this.keys = keys;
        this.maxTokenLength = config.jwt().maxTokenLength();
        this.cacheTtlMillis = config.jwt().verifiedCacheTtl().toMillis();
        this.cacheSize = config.jwt().verifiedCacheSize();
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nesting) -> resolveKey(jws))
                .setExpectedIssuer(config.jwt().issuer())
                .setExpectedAudience(config.jwt().audience())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) config.jwt().clockSkew().toSeconds())
                .build();
        this.plausible = new PlausibleAccessToken(config.jwt().issuer(), List.of(config.jwt().audience()),
                config.jwt().clockSkew());
    }

    /**
     * The key named by the token's kid; a token without a kid must verify with one of the published keys
     * (auth-service names its keys, but a single-key setup need not).
     */
    private Key resolveKey(JsonWebSignature jws) throws UnresolvableKeyException {
        String kid = jws.getKeyIdHeaderValue();
        if (kid != null) {
            return keys.find(kid).orElseThrow(() -> new UnresolvableKeyException("No key for kid " + kid));
        }
        for (PublicKey candidate : keys.all()) {
            try {
                jws.setKey(candidate);
                if (jws.verifySignature()) {
                    return candidate;
                }
            } catch (JoseException e) {
                // Try the next key.
            }
        }
        throw new UnresolvableKeyException("No published key verifies this token");
    }

    /**
     * Verifies {@code token}; fails with {@link TokenRejectedException} (a bad token: 401) or
     * {@link KeysUnavailableException} (the keys to check a plausible token are missing: 503). Completes at once
     * unless the keys must be refetched.
     */
    public Future<VerifiedToken> verify(String token) {
        if (token == null) {
            return Future.failedFuture(new TokenRejectedException(NO_TOKEN));
        }
        if (token.isEmpty()) {
            return Future.failedFuture(new TokenRejectedException("empty or non-bearer credentials"));
        }
        if (token.length() > maxTokenLength) {
            return Future.failedFuture(new TokenRejectedException("token too long"));
        }
        Remembered remembered = verified.get(token);
        if (remembered != null && remembered.validUntilMillis() > System.currentTimeMillis()) {
            return Future.succeededFuture(remembered.token());
        }
        String kid;
        try {
            kid = keyIdOfRs256Token(token);
        } catch (TokenRejectedException e) {
            return Future.failedFuture(e);
        }
        Future<Void> keyReady = keys.ensureKnown(kid);
        if (keyReady.isComplete()) {
            return verifyWithKnownKeys(token, kid);
        }
        return keyReady.transform(ignored -> verifyWithKnownKeys(token, kid));
    }

    private Future<VerifiedToken> verifyWithKnownKeys(String token, String kid) {
        if (!keys.canJudge(kid)) {
            return Future.failedFuture(refusalWithoutKeys(token));
        }
        try {
            VerifiedToken checked = claimsOf(consumer.processToClaims(token));
            remember(token, checked);
            return Future.succeededFuture(checked);
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return Future.failedFuture(new TokenRejectedException(e.getMessage()));
        }
    }

    /**
     * Without the key, a token is still bad if its claims are (expired, another issuer or audience, not an access
     * token): that stays a 401 in every state. Only a token that would pass everything but the signature check is
     * answered "try again" (503).
     */
    private RuntimeException refusalWithoutKeys(String token) {
        return plausible.test(token) ? new KeysUnavailableException("signing keys not loaded")
                : new TokenRejectedException("claims refuse it (checked without the signing keys)");
    }

    private void remember(String token, VerifiedToken checked) {
        if (verified.size() >= cacheSize) {
            // Crude but bounded: start over rather than track recency on the hot path.
            verified.clear();
        }
        long until = Math.min(System.currentTimeMillis() + cacheTtlMillis, checked.expiresAtSeconds() * 1000);
        verified.put(token, new Remembered(checked, until));
    }

    private record Remembered(VerifiedToken token, long validUntilMillis) {
    }

    private static VerifiedToken claimsOf(JwtClaims claims) throws MalformedClaimException {
        if (!"access".equals(claims.getClaimValue(TOKEN_USE))) {
            throw new TokenRejectedException("not an access token");
        }
        List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
        return new VerifiedToken(claims.getSubject(), Set.copyOf(groups),
                claims.getIssuedAt().getValue(), claims.getExpirationTime().getValue(),
                claims.getClaimValueAsString("sid"));
    }

    /** Reads the header cheaply before any key work: anything but RS256 is refused outright. */
    private static String keyIdOfRs256Token(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.indexOf('.', dot + 1) < 0) {
            throw new TokenRejectedException("not a compact JWS");
        }
        try {
            JsonNode header = EventJson.mapper().readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(header.path("alg").asText())) {
                throw new TokenRejectedException("algorithm not allowed");
            }
            JsonNode kid = header.get("kid");
            return kid == null || kid.isNull() ? null : kid.asText();
        } catch (TokenRejectedException e) {
            throw e;
        } catch (Exception e) {
            throw new TokenRejectedException("unreadable header");
        }
    }
}
