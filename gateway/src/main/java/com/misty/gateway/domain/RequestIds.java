package com.misty.gateway.domain;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} the gateway passes on: the client's when well formed, otherwise a new one. */
public final class RequestIds {

    /** Short and log-safe: no spaces, quotes or control characters that could forge log lines. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {
    }

    public static String keepOrCreate(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : newId();
    }

    /**
     * A random (version 4 layout) UUID from the thread's own generator: request ids only correlate log lines, so
     * they need no cryptographic strength, and {@code UUID.randomUUID()}'s shared SecureRandom would serialise
     * the event loops on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
