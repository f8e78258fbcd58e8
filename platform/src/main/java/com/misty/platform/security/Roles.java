package com.misty.platform.security;

/** The four roles of the suite, as they appear in the token's {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String PRODUCTION = "production";
    public static final String EMPLOYEE = "employee";

    public static final java.util.Set<String> ALL = java.util.Set.of(ADMIN, MANAGER, PRODUCTION, EMPLOYEE);

    private Roles() {
    }
}
