package com.misty.platform.events;

/** A record on a topic that is not a readable event; consumers log and skip it (retrying cannot fix it). */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
