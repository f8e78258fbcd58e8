package com.misty.gateway.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Headers that describe one connection, not the message (RFC 9110 7.6.1), and so must not be forwarded; plus
 * any header the {@code Connection} header names. {@code Host} is dropped too: the gateway addresses the service.
 */
public final class HopByHopHeaders {

    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private HopByHopHeaders() {
    }

    /** Whether {@code name} must be dropped, given the message's {@code Connection} header value (may be null). */
    public static boolean isHopByHop(String name, String connectionHeader) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ALWAYS.contains(lower)) {
            return true;
        }
        if (connectionHeader == null || connectionHeader.isEmpty()) {
            return false;
        }
        for (String token : connectionHeader.split(",")) {
            if (token.trim().toLowerCase(Locale.ROOT).equals(lower)) {
                return true;
            }
        }
        return false;
    }
}
