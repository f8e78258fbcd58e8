package com.misty.suite;

/** A reason the suite cannot start, worded as the one line the user sees. */
public class LaunchException extends RuntimeException {
    public LaunchException(String message) {
        super(message);
    }
}
