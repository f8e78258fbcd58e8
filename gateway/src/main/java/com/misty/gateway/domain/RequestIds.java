package com.misty.gateway.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} the gateway passes on: the client's when well formed, otherwise a new one. */
public final class RequestIds {

    /** Short and log-safe: no spaces, quotes or control characters that could forge log lines. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {
    }

    public static String keepOrCreate(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
