package com.misty.gateway.domain;

import java.util.List;
import java.util.Optional;

/** The services behind the gateway and the path prefix each one owns. */
public enum Downstream {
    AUTH("/api/auth"),
    INVENTORY("/api/stock"),
    PAYROLL("/api/payroll"),
    /** order-service also owns the clients orders are placed for. */
    ORDERS("/api/orders", "/api/clients");

    /** auth-service also publishes its keys at the conventional well-known address. */
    public static final String WELL_KNOWN_JWKS = "/.well-known/jwks.json";

    private final List<String> prefixes;

    Downstream(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    public List<String> prefixes() {
        return prefixes;
    }

    /** The service that owns {@code path} (already normalised: no dot segments). */
    public static Optional<Downstream> owning(String path) {
        if (WELL_KNOWN_JWKS.equals(path)) {
            return Optional.of(AUTH);
        }
        for (Downstream service : values()) {
            for (String prefix : service.prefixes) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return Optional.of(service);
                }
            }
        }
        return Optional.empty();
    }
}
