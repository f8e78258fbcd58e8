package com.misty.payroll.domain;

import com.misty.platform.security.Roles;

import java.util.Set;

/** Who is calling, as the domain sees it: the auth user id and the roles from the verified token. */
public record Actor(String userId, Set<String> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** Managers and admins decide on leave and timesheets and see everybody's payroll records. */
    public boolean isSupervisor() {
        return roles.contains(Roles.MANAGER) || roles.contains(Roles.ADMIN);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }
}
