package com.misty.platform.security.revocation;

/** What a revocation check needs from a verified access token, whoever verified it (a service or the gateway). */
public interface RevocableToken {

    /** {@code sub}: the user or service-account id. */
    String subject();

    /** {@code sid}: the login (refresh-token family); null for service-account tokens. */
    String sessionId();

    /** {@code iat}, in seconds. */
    long issuedAtSeconds();
}
