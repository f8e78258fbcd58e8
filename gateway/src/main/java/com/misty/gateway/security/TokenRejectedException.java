package com.misty.gateway.security;

/** An access token was missing or refused; the caller answers 401. The message is for logs, never for clients. */
public class TokenRejectedException extends RuntimeException {

    public TokenRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
