package com.misty.auth.domain;

import com.misty.platform.problem.DomainException;
import com.misty.platform.security.Roles;

import java.util.List;

/** The suite's four roles are the only ones a user or service account can hold. */
public final class UserRoles {

    private UserRoles() {
    }

    public static String requireKnown(String role) {
        if (role == null || !Roles.ALL.contains(role)) {
            throw DomainException.badRequest("UNKNOWN_ROLE", "Role must be one of " + Roles.ALL.stream().sorted().toList() + ".");
        }
        return role;
    }

    public static List<String> requireKnown(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw DomainException.badRequest("UNKNOWN_ROLE", "At least one role is required.");
        }
        return roles.stream().map(UserRoles::requireKnown).distinct().sorted().toList();
    }
}
