package com.misty.gateway.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which TCP peers may tell the gateway who the client is. Behind a load balancer every connection comes from the
 * balancer, so the sign-in throttle would lump all clients together; a trusted balancer's {@code X-Forwarded-For}
 * names the real client. The rule (as nginx' {@code real_ip_recursive}): if the peer is trusted, walk
 * {@code X-Forwarded-For} from the right, skipping trusted addresses; the first untrusted one is the client. A
 * client can prepend anything to the header, so nothing left of that address is believed. If the peer is not
 * trusted (or nothing is configured) the header is ignored and the peer is the client.
 *
 * <p>Only IP literals are accepted, in the configuration and in the header: no name is ever resolved.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses addresses ({@code 10.0.0.7}, {@code ::1}) and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}).
     *
     * @throws IllegalArgumentException for anything else, so a typo fails the start instead of trusting nobody
     */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] address = parseLiteral(slash < 0 ? entry : entry.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR range: " + raw));
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Bad CIDR prefix: " + raw, e);
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("Bad CIDR prefix: " + raw);
                }
            }
            ranges.add(new Range(address, prefix));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (an IP literal) is one of the trusted proxies. */
    public boolean trusts(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        return parseLiteral(address).map(bytes -> ranges.stream().anyMatch(range -> range.contains(bytes))).orElse(false);
    }

    /**
     * The client's address for a request that arrived from {@code peer} with these {@code X-Forwarded-For} header
     * values (each possibly a comma-separated list; several headers count as one list, in order).
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (!trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = normalise(hops.get(i));
            if (hop.isEmpty()) {
                // Garbage (or "unknown") from here on: the last address a trusted hop vouched for is the client.
                return client;
            }
            client = hop.get();
            if (!trusts(client)) {
                return client;
            }
        }
        // Every hop is trusted: the left-most one is as close to the client as the chain knows.
        return client;
    }

    /** An address as it may appear in X-Forwarded-For ({@code 1.2.3.4}, {@code 1.2.3.4:80}, {@code [::1]:80}, {@code ::1}). */
    private static Optional<String> normalise(String hop) {
        String address = hop;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            address = address.substring(1, close);
        } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        String candidate = address;
        return parseLiteral(candidate).map(bytes -> candidate.toLowerCase(Locale.ROOT));
    }

    /** The bytes of an IPv4 or IPv6 literal; empty for anything else (never a DNS lookup). */
    static Optional<byte[]> parseLiteral(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        var v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        // With a colon and only these characters, InetAddress parses it as an IPv6 literal and never resolves it.
        if (text.indexOf(':') < 0 || !IPV6_CHARS.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // An IPv4-mapped address (::ffff:a.b.c.d) comes back as 4 bytes and is compared as IPv4.
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefix / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
