package com.misty.gateway.security;

/**
 * A token could not be checked for a reason on the gateway's side: auth-service's signing keys are not loaded
 * (not fetched yet, or auth-service unreachable and the token's key not cached). The caller answers 503 with
 * {@code Retry-After}, never 401: a 401 tells a client its token is bad, and a UI signs its user out on it.
 */
public class KeysUnavailableException extends RuntimeException {

    public KeysUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
