package com.misty.gateway.domain;

import java.util.Set;

/** Who is watching a live stream: the token's subject and roles. */
public record Viewer(String userId, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
