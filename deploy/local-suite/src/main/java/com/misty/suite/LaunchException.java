package com.misty.suite;

/** A reason the suite cannot start, worded as the one line the user sees. */
public class LaunchException extends RuntimeException {
    LaunchException(String message) {
        super(message);
    }
}
