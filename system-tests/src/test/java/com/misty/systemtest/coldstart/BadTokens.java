package com.misty.systemtest.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Tokens that are bad whatever keys a checker holds: not a JWT, {@code alg: none}, expired, for another audience or
 * not an access token. The last three carry auth-service's real kid and a forged signature, so only their claims
 * (readable without any key) give them away. A token that is bad only by its signature cannot be told from a good
 * one while the keys are missing; that case is 503 there and 401 once they are loaded.
 */
final class BadTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BadTokens() {
    }

    /** Bad variants of {@code good}, a token auth-service issued. */
    static List<String> of(String good) {
        try {
            String[] parts = good.split("\\.");
            ObjectNode header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long now = Instant.now().getEpochSecond();
            KeyPair forger = KeyPairGenerator.getInstance("RSA").generateKeyPair();

            ObjectNode expired = claims.deepCopy().put("iat", now - 7200).put("exp", now - 3600);
            ObjectNode otherAudience = claims.deepCopy().put("aud", "another-suite");
            ObjectNode refreshUse = claims.deepCopy().put("token_use", "refresh");
            ObjectNode none = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
            return List.of(
                    "not.a.jwt",
                    b64(none.toString()) + "." + parts[1] + ".",
                    signed(header, expired, forger),
                    signed(header, otherAudience, forger),
                    signed(header, refreshUse, forger));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the bad tokens", e);
        }
    }

    private static String signed(ObjectNode header, ObjectNode claims, KeyPair key) throws Exception {
        String input = b64(header.toString()) + "." + b64(claims.toString());
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key.getPrivate());
        rs256.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
