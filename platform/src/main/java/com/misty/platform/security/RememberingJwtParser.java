package com.misty.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SmallRye JWT's parser, remembering the tokens it verified for a while so that a client's next requests skip the
 * RSA signature check, as the gateway's own verifier does. Under the quick JIT (no C2 intrinsics for
 * {@code BigInteger}) that check was the largest single cost of a simple request in a profile of inventory-service.
 *
 * <p>What is remembered is keyed by the whole token, signature included, so only the exact string that verified
 * is accepted again. It is kept {@value #DEFAULT_TTL} at most and never past the token's own expiry; a token whose
 * signing key leaves the key set therefore stops passing within that time. Everything else about a request is still
 * checked every time: revocation ({@code RevokedTokenRefusal}) and the access-token claim ({@link AccessTokenOnly})
 * run on the remembered token like on a fresh one. A token that fails is never remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberingJwtParser implements JWTParser {

    static final String DEFAULT_TTL = "60s";
    static final String DEFAULT_SIZE = "10000";

    private final JWTParser verifier;
    private final Clock clock;
    private final long ttlMillis;
    private final int maxSize;
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

    @Inject
    public RememberingJwtParser(DefaultJWTParser verifier,
                                @ConfigProperty(name = "misty.security.verified-token-ttl", defaultValue = DEFAULT_TTL) Duration ttl,
                                @ConfigProperty(name = "misty.security.verified-token-cache-size", defaultValue = DEFAULT_SIZE) int maxSize) {
        this(verifier, Clock.systemUTC(), ttl, maxSize);
    }

    RememberingJwtParser(JWTParser verifier, Clock clock, Duration ttl, int maxSize) {
        this.verifier = verifier;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxSize = maxSize;
    }

    private record Remembered(JsonWebToken token, long validUntilMillis) {
    }

    /** The verified token, from memory when this exact string verified within the last TTL and has not expired. */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.millis();
        Remembered known = verified.get(token);
        if (known != null && now < known.validUntilMillis()) {
            return known.token();
        }
        JsonWebToken checked = verifier.parse(token);
        remember(token, checked, now);
        return checked;
    }

    private void remember(String token, JsonWebToken checked, long now) {
        long validUntil = Math.min(now + ttlMillis, checked.getExpirationTime() * 1000);
        if (validUntil <= now) {
            // Off (TTL 0), or past its exp but within the clock skew the check allows: nothing to remember.
            return;
        }
        if (verified.size() >= maxSize) {
            // Bounded: drop what has run out first, and start over only if that was not enough.
            verified.values().removeIf(remembered -> remembered.validUntilMillis() <= now);
            if (verified.size() >= maxSize) {
                verified.clear();
            }
        }
        verified.put(token, new Remembered(checked, validUntil));
    }

    // ---- the rest as SmallRye's parser does it, not remembered --------------------------------------------

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
