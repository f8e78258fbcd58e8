package com.misty.gateway.domain;

import java.util.List;

/**
 * Headers that describe one connection, not the message (RFC 9110 7.6.1), and so must not be forwarded; plus
 * any header the {@code Connection} header names. {@code Host} is dropped too: the gateway addresses the service.
 */
public final class HopByHopHeaders {

    private static final List<String> ALWAYS = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private HopByHopHeaders() {
    }

    /**
     * Whether {@code name} must be dropped, given the message's {@code Connection} header value (may be null).
     * Called for every header of every proxied message, so it compares in place instead of lower-casing copies.
     */
    public static boolean isHopByHop(String name, String connectionHeader) {
        for (String hopByHop : ALWAYS) {
            if (hopByHop.equalsIgnoreCase(name)) {
                return true;
            }
        }
        if (connectionHeader == null || connectionHeader.isEmpty()) {
            return false;
        }
        int start = 0;
        while (start <= connectionHeader.length()) {
            int comma = connectionHeader.indexOf(',', start);
            int end = comma < 0 ? connectionHeader.length() : comma;
            int from = start;
            int to = end;
            while (from < to && connectionHeader.charAt(from) == ' ') {
                from++;
            }
            while (to > from && connectionHeader.charAt(to - 1) == ' ') {
                to--;
            }
            if (to - from == name.length() && connectionHeader.regionMatches(true, from, name, 0, name.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
