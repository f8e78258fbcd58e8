package com.misty.auth.security;

import com.misty.auth.config.AuthConfig;
import com.misty.auth.repository.SigningKeyRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The service's keys: the one that signs new tokens, the public keys published as the JWKS (the signing key
 * plus retired ones whose tokens may still be live), verify-only keys, and the secret that derives refresh
 * token successors.
 *
 * <p>The signing key comes from {@code misty.auth.signing-key-file}. Without one, outside prod, a key is
 * generated once and kept in {@code signing_keys} so restarts keep issued tokens valid; in prod that is a
 * startup error.
 */
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class);

    /** The key that signs, with its kid (the RFC 7638 thumbprint of its public part). */
    public record SigningKey(String kid, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
    }

    private final AuthConfig config;
    private final SigningKeyRepository repository;
    private volatile Loaded loaded;

    private record Loaded(SigningKey signing, List<RsaJsonWebKey> published, List<JsonWebKey> verification,
                          byte[] successorSecret) {
    }

    public KeyRing(AuthConfig config, SigningKeyRepository repository) {
        this.config = config;
        this.repository = repository;
    }

    /** First of all startup work: a prod start without a key fails here, before anything else happens. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        loaded();
    }

    public SigningKey signingKey() {
        return loaded().signing();
    }

    /** The JWKS document: every published public key, as {@code {"keys": [...]}}. */
    public Map<String, Object> jwks() {
        return Map.of("keys", loaded().published().stream()
                .map(k -> k.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toList());
    }

    /** Keys this service accepts on incoming tokens: the published ones and the verify-only ones. */
    public List<JsonWebKey> verificationKeys() {
        return loaded().verification();
    }

    public byte[] successorSecret() {
        return loaded().successorSecret();
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = load();
                    loaded = current;
                }
            }
        }
        return current;
    }

    private Loaded load() {
        SigningKey signing = config.signingKeyFile().map(this::fromFile).orElseGet(this::generatedOrRefuse);
        List<RsaJsonWebKey> published = new ArrayList<>();
        published.add(jwk(signing.publicKey()));
        for (String file : config.previousPublicKeyFiles().orElse(List.of())) {
            published.add(jwk(Pem.readPublicKey(file)));
        }
        List<JsonWebKey> verification = new ArrayList<>(published);
        for (String location : config.trustedKeyLocations().orElse(List.of())) {
            verification.add(new RsaJsonWebKey(Pem.readPublicKey(location)));
        }
        byte[] secret = config.refreshSuccessorSecret()
                .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElseGet(() -> Base64.getDecoder().decode(repository.getOrCreate(
                        SigningKeyRepository.REFRESH_SUCCESSOR_SECRET, "hmac", Base64.getEncoder().encodeToString(randomBytes(32)))));
        LOG.infof("Signing tokens with key %s; JWKS publishes %d key(s)", signing.kid(), published.size());
        return new Loaded(signing, List.copyOf(published), List.copyOf(verification), secret);
    }

    private SigningKey fromFile(String file) {
        RSAPrivateCrtKey privateKey = Pem.readPrivateKey(file);
        RSAPublicKey publicKey = Pem.publicKeyOf(privateKey);
        config.publicKeyFile().ifPresent(publicFile -> {
            if (!Pem.readPublicKey(publicFile).getModulus().equals(publicKey.getModulus())) {
                throw new IllegalStateException("The public key in " + publicFile + " does not match the signing key " + file);
            }
        });
        return new SigningKey(thumbprint(publicKey), privateKey, publicKey);
    }

    private SigningKey generatedOrRefuse() {
        if (config.requireConfiguredKey()) {
            throw new IllegalStateException("No token signing key configured: set MISTY_JWT_SIGNING_KEY_FILE "
                    + "(misty.auth.signing-key-file) to a PKCS#8 PEM file. Generated keys are for dev and local runs only.");
        }
        String stored = repository.getOrCreate(SigningKeyRepository.GENERATED_SIGNING_KEY, "rsa",
                Base64.getEncoder().encodeToString(newPrivateKey()));
        RSAPrivateCrtKey privateKey = Pem.privateKeyFromDer(Base64.getDecoder().decode(stored));
        RSAPublicKey publicKey = Pem.publicKeyOf(privateKey);
        LOG.warn("No signing key configured: using the generated key kept in the database (dev/local mode only)");
        return new SigningKey(thumbprint(publicKey), privateKey, publicKey);
    }

    private static byte[] newPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate().getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey jwk(RSAPublicKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(thumbprint(key));
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return jwk;
    }

    private static String thumbprint(RSAPublicKey key) {
        return new RsaJsonWebKey(key).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
