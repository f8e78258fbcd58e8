package com.misty.auth.security;

import com.misty.auth.config.AuthConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.security.SecureRandom;
import java.util.Base64;

/** bcrypt (cost from config, at least 12). Verifying against an unknown user costs the same as a real check. */
@ApplicationScoped
public class PasswordHasher {

    private static final int MIN_COST = 12;
    private final int cost;
    private volatile String dummyHash;

    public PasswordHasher(AuthConfig config) {
        if (config.bcryptCost() < MIN_COST) {
            throw new IllegalStateException("misty.auth.bcrypt-cost must be at least " + MIN_COST);
        }
        this.cost = config.bcryptCost();
    }

    /** Prepared at startup so that even the first unknown-user login costs exactly one verification. */
    void onStart(@Observes StartupEvent event) {
        dummyHash();
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return password != null && hash != null && BcryptUtil.matches(password, verifierForm(hash));
    }

    /**
     * Python's bcrypt (the original system's) writes {@code $2b$}, which the verifier here does not parse. For the
     * passwords bcrypt hashes (at most 72 bytes) 2b and 2a compute the same hash — 2b only fixed a length counter
     * overflow past 255 bytes in OpenBSD's code — so the hash is checked in its 2a form.
     */
    private static String verifierForm(String hash) {
        return hash.startsWith("$2b$") ? "$2a$" + hash.substring(4) : hash;
    }

    /** Burns the time of one real verification, so "no such user" cannot be told apart by timing. */
    public void matchNothing(String password) {
        BcryptUtil.matches(password == null ? "" : password, dummyHash());
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            hash = hash(Base64.getEncoder().encodeToString(random));
            dummyHash = hash;
        }
        return hash;
    }
}
