package com.misty.gateway.domain;

import java.util.Set;

/** The only requests the gateway lets through without an access token. */
public final class PublicEndpoints {

    /** Requests that present credentials to obtain tokens; also throttled per client address. */
    private static final Set<String> CREDENTIAL_POSTS = Set.of("/api/auth/login", "/api/auth/refresh", "/api/auth/token");
    private static final Set<String> KEY_SETS = Set.of("/api/auth/jwks", Downstream.WELL_KNOWN_JWKS);

    private PublicEndpoints() {
    }

    public static boolean isPublic(String method, String path) {
        return isCredentialExchange(method, path) || (isRead(method) && KEY_SETS.contains(path));
    }

    public static boolean isCredentialExchange(String method, String path) {
        return "POST".equals(method) && CREDENTIAL_POSTS.contains(path);
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }
}
