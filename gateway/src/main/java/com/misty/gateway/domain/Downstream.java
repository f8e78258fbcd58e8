package com.misty.gateway.domain;

import java.util.Optional;

/** The services behind the gateway and the path prefix each one owns. */
public enum Downstream {
    AUTH("/api/auth"),
    INVENTORY("/api/stock"),
    PAYROLL("/api/payroll"),
    ORDERS("/api/orders");

    /** auth-service also publishes its keys at the conventional well-known address. */
    public static final String WELL_KNOWN_JWKS = "/.well-known/jwks.json";

    private final String prefix;

    Downstream(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** The service that owns {@code path} (already normalised: no dot segments). */
    public static Optional<Downstream> owning(String path) {
        if (WELL_KNOWN_JWKS.equals(path)) {
            return Optional.of(AUTH);
        }
        for (Downstream service : values()) {
            if (path.equals(service.prefix) || path.startsWith(service.prefix + "/")) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
