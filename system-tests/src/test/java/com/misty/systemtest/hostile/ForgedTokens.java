package com.misty.systemtest.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bearer tokens an attacker can make from a genuine one: unsigned ({@code alg: none}), payload changed to claim
 * the admin role, signed by another key under the real {@code kid}, HMAC-signed, garbage. Every one must be a 401.
 */
final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair OTHER_KEY = newKey();

    private ForgedTokens() {
    }

    /** Forgeries of {@code genuine} by name, in a stable order. */
    static Map<String, String> from(String genuine) {
        String[] parts = genuine.split("\\.");
        ObjectNode header = (ObjectNode) read(parts[0]);
        ObjectNode adminPayload = (ObjectNode) read(parts[1]);
        adminPayload.putArray("groups").add("admin");
        adminPayload.put("exp", adminPayload.path("exp").asLong() + 3600);

        Map<String, String> tokens = new LinkedHashMap<>();
        ObjectNode none = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        tokens.put("alg none", encode(none) + "." + encode(adminPayload) + ".");
        tokens.put("payload changed to admin", parts[0] + "." + encode(adminPayload) + "." + parts[2]);
        tokens.put("signed by another key with the real kid", signRsa(header, adminPayload));
        ObjectNode hmac = header.deepCopy().put("alg", "HS256");
        tokens.put("HS256 with a guessed secret", signHmac(hmac, adminPayload));
        tokens.put("signature stripped", parts[0] + "." + parts[1] + ".");
        tokens.put("garbage", "not-a-token");
        return tokens;
    }

    private static String signRsa(JsonNode header, JsonNode payload) {
        String input = encode(header) + "." + encode(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(OTHER_KEY.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signHmac(JsonNode header, JsonNode payload) {
        String input = encode(header) + "." + encode(payload);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JWT part: " + part, e);
        }
    }

    private static String encode(JsonNode node) {
        try {
            return URL.encodeToString(JSON.writeValueAsBytes(node));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
