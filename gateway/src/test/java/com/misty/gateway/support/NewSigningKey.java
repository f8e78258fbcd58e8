package com.misty.gateway.support;

import com.misty.testkit.TestTokens;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

/** A signing key the gateway has not seen: published by the auth stand-ins, so a token it signed makes the gateway refetch. */
public final class NewSigningKey {

    private NewSigningKey() {
    }

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a new key under a fresh {@code kid} (prefixed {@code kidPrefix}) and returns an access token it signed. */
    public static String publishAndSign(String kidPrefix, String userId, String... roles) {
        KeyPair key = rsaKeyPair();
        String kid = kidPrefix + UUID.randomUUID();
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key.getPublic());
        jwk.setKeyId(kid);
        Stubs.addKey(jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        return TestTokens.builder(userId, roles).jws().keyId(kid).sign(key.getPrivate());
    }
}
