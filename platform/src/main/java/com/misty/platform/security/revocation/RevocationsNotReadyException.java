package com.misty.platform.security.revocation;

/** A token arrived before the revocation history was read; answered with 503 so the client retries. */
public class RevocationsNotReadyException extends RuntimeException {

    public RevocationsNotReadyException() {
        super("The revocation history has not been read yet", null, false, false);
    }
}
