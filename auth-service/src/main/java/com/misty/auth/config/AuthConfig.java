package com.misty.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code misty.auth.*}: token lifetimes, signing keys, the bootstrap admin, password hashing and throttling. */
@ConfigMapping(prefix = "misty.auth")
public interface AuthConfig {

    @WithDefault("8h")
    Duration accessTokenLifetime();

    /** Lifetime of client-credentials tokens; short, because disabling an account cannot recall them. */
    @WithDefault("1h")
    Duration serviceTokenLifetime();

    @WithDefault("30d")
    Duration refreshTokenLifetime();

    /**
     * A login (refresh-token family) ends this long after its sign-in however often it is refreshed: rotation
     * does not make a stolen session live forever.
     */
    @WithDefault("30d")
    Duration sessionLifetime();

    /** A repeat of an already rotated refresh within this window returns the same successor (two tabs). */
    @WithDefault("10s")
    Duration refreshGraceWindow();

    /** PEM (PKCS#8) private key that signs tokens; env MISTY_JWT_SIGNING_KEY_FILE. */
    Optional<String> signingKeyFile();

    /** PEM public key matching {@link #signingKeyFile()}; checked at startup when given. */
    Optional<String> publicKeyFile();

    /** Public keys of retired signing keys: still published and accepted until their tokens expire. */
    Optional<List<String>> previousPublicKeyFiles();

    /** Verify-only keys (PEM files or file: URIs) that are accepted but never published, e.g. the test kit's. */
    Optional<List<String>> trustedKeyLocations();

    /** true in prod: no configured signing key is a startup error instead of a generated one. */
    @WithDefault("false")
    boolean requireConfiguredKey();

    /** Secret for deriving a refresh token's successor; generated and kept in the database when absent. */
    Optional<String> refreshSuccessorSecret();

    /** Password of the {@code admin} created on the first start; generated and printed once when absent. */
    Optional<String> bootstrapAdminPassword();

    @WithDefault("12")
    int bcryptCost();

    Throttle throttle();

    interface Throttle {
        /**
         * Failures for one account from one client address tolerated before each further one locks that pair: a
         * guesser is stopped without locking the account's owner out elsewhere.
         */
        @WithDefault("5")
        int accountAddressFreeFailures();

        /**
         * Failures for one account from any addresses tolerated before each further one locks the account
         * everywhere (a guesser spread over many addresses); higher than the pair's, so one guesser cannot do it
         * quickly.
         */
        @WithDefault("20")
        int usernameFreeFailures();

        /**
         * Failures from one client address, over all accounts, tolerated before each further one locks the
         * address: a ceiling against password spraying, high enough for an office behind one proxy or NAT.
         */
        @WithDefault("100")
        int addressFreeFailures();

        /** Failures older than this are forgotten. */
        @WithDefault("15m")
        Duration window();

        /** First lockout; each further failure doubles it. */
        @WithDefault("2s")
        Duration baseLockout();

        @WithDefault("15m")
        Duration maxLockout();
    }
}
