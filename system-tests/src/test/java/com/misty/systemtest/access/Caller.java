package com.misty.systemtest.access;

/** Who sends a request: a user of each of the suite's four roles, or a machine client (client credentials). */
public enum Caller {
    ADMIN("admin"),
    MANAGER("manager"),
    PRODUCTION("production"),
    EMPLOYEE("employee"),
    /** A service account holding the {@code production} role, signed in with the client-credentials grant. */
    SERVICE("service account (production)");

    private final String label;

    Caller(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
