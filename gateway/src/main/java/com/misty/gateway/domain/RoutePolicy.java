package com.misty.gateway.domain;

import java.util.Collection;
import java.util.Set;

/**
 * Coarse, path-level access by role, checked before a request leaves the gateway. It only keeps callers away
 * from whole areas they can never use; the services check each object again (an employee reaches
 * {@code /api/payroll/**}, and payroll-service shows them only their own records).
 *
 * <table>
 *   <tr><th>path</th><th>roles</th></tr>
 *   <tr><td>/api/auth/me, /api/auth/logout, /api/auth/logout-all, /api/auth/password, /api/auth/names,
 *   /api/events/stream</td><td>any signed-in user</td></tr>
 *   <tr><td>/api/auth/** (users, service accounts)</td><td>admin</td></tr>
 *   <tr><td>/api/stock/**, /api/orders/**, /api/clients/**</td><td>admin, manager, production</td></tr>
 *   <tr><td>/api/payroll/**</td><td>admin, manager, production, employee</td></tr>
 * </table>
 */
public final class RoutePolicy {

    static final String ADMIN = "admin";
    static final String MANAGER = "manager";
    static final String PRODUCTION = "production";
    static final String EMPLOYEE = "employee";

    private static final Set<String> SELF_SERVICE = Set.of(
            "/api/auth/me", "/api/auth/logout", "/api/auth/logout-all", "/api/auth/password", "/api/auth/names",
            "/api/events/stream");
    private static final Set<String> OPERATIONS = Set.of(ADMIN, MANAGER, PRODUCTION);
    private static final Set<String> STAFF = Set.of(ADMIN, MANAGER, PRODUCTION, EMPLOYEE);

    private RoutePolicy() {
    }

    /** Whether a caller holding {@code roles} may send a request to {@code path} (normalised). */
    public static boolean allows(Collection<String> roles, String path) {
        if (SELF_SERVICE.contains(path)) {
            return true;
        }
        return Downstream.owning(path)
                .map(service -> switch (service) {
                    case AUTH -> roles.contains(ADMIN);
                    case INVENTORY, ORDERS -> roles.stream().anyMatch(OPERATIONS::contains);
                    case PAYROLL -> roles.stream().anyMatch(STAFF::contains);
                })
                // Not a service path: the caller gets the 404 anyone would.
                .orElse(true);
    }
}
