package com.misty.systemtest.access;

import com.misty.systemtest.access.Endpoint.Area;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.misty.systemtest.access.Caller.ADMIN;
import static com.misty.systemtest.access.Caller.EMPLOYEE;
import static com.misty.systemtest.access.Caller.MANAGER;
import static com.misty.systemtest.access.Caller.PRODUCTION;
import static com.misty.systemtest.access.Caller.SERVICE;
import static com.misty.systemtest.access.Endpoint.Kind.BOOLEAN;
import static com.misty.systemtest.access.Endpoint.Kind.CODE;
import static com.misty.systemtest.access.Endpoint.Kind.COUNT;
import static com.misty.systemtest.access.Endpoint.Kind.DATE;
import static com.misty.systemtest.access.Endpoint.Kind.DECIMAL;
import static com.misty.systemtest.access.Endpoint.Kind.LIST;
import static com.misty.systemtest.access.Endpoint.Kind.OBJECT;
import static com.misty.systemtest.access.Endpoint.Kind.SIGNED;
import static com.misty.systemtest.access.Endpoint.Kind.TEXT;
import static com.misty.systemtest.access.Endpoint.Kind.VERSION;

/**
 * Every endpoint the gateway exposes (auth-service, inventory-service, order-service, payroll-service and the
 * gateway's own event stream), from the services' README tables and rest classes, with the access matrix the
 * READMEs promise. The "employee" caller owns the fixture's leave, timesheets and calculation.
 */
public final class EndpointCatalogue {

    private static final Caller[] EVERYONE = {ADMIN, MANAGER, PRODUCTION, EMPLOYEE, SERVICE};
    private static final Caller[] OPERATIONS = {ADMIN, MANAGER, PRODUCTION, SERVICE};
    private static final Caller[] STAFF_USERS = {ADMIN, MANAGER, PRODUCTION, EMPLOYEE};
    private static final Caller[] SUPERVISORS = {ADMIN, MANAGER};

    private EndpointCatalogue() {
    }

    public static List<Endpoint> all() {
        return List.of(
                // ---- auth-service: credentials (open) ----
                Endpoint.of("POST", "/api/auth/login", Area.AUTH, w -> Call.of("/api/auth/login",
                                body("username", "nobody-" + UUID.randomUUID(), "password", "not-the-password")))
                        .open().allow(401, EVERYONE).field("username", CODE, true).field("password", TEXT, true)
                        .note("valid shape, unknown user: 401 for anyone"),
                Endpoint.of("POST", "/api/auth/refresh", Area.AUTH, w -> Call.of("/api/auth/refresh",
                                body("refresh_token", "not-a-refresh-token")))
                        .open().allow(401, EVERYONE).field("refresh_token", CODE, false),
                Endpoint.of("POST", "/api/auth/token", Area.AUTH, w -> Call.of("/api/auth/token",
                                body("grant_type", "client_credentials", "client_id", "nobody-" + UUID.randomUUID(), "client_secret", "x")))
                        .open().allow(401, EVERYONE).field("grant_type", CODE, false).field("client_id", CODE, false)
                        .field("client_secret", CODE, false),
                Endpoint.of("GET", "/api/auth/jwks", Area.AUTH, w -> Call.of("/api/auth/jwks")).open().allow(200, EVERYONE),
                Endpoint.of("GET", "/.well-known/jwks.json", Area.AUTH, w -> Call.of("/.well-known/jwks.json"))
                        .open().allow(200, EVERYONE),
                // ---- auth-service: the caller's own account ----
                Endpoint.of("GET", "/api/auth/me", Area.AUTH, w -> Call.of("/api/auth/me"))
                        .allow(200, STAFF_USERS).allow(401, SERVICE)
                        .note("a service account is no user: 401 from auth-service"),
                Endpoint.of("POST", "/api/auth/password", Area.AUTH, w -> Call.of("/api/auth/password",
                                body("current_password", "wrong-" + UUID.randomUUID(), "new_password", "Another-long-pass-123")))
                        .allow(400, STAFF_USERS).allow(401, SERVICE)
                        .field("current_password", TEXT, true).field("new_password", TEXT, true)
                        .note("valid shape with a wrong current password: 400 WRONG_PASSWORD proves the caller got through; "
                                + "a service account is no user: 401"),
                Endpoint.of("POST", "/api/auth/logout", Area.AUTH, w -> Call.of("/api/auth/logout"))
                        .allow(204, EVERYONE).endingSession(),
                Endpoint.of("POST", "/api/auth/logout-all", Area.AUTH, w -> Call.of("/api/auth/logout-all"))
                        .allow(204, EVERYONE).endingSession(),
                // ---- auth-service: administration (admin only) ----
                Endpoint.of("POST", "/api/auth/users", Area.AUTH, w -> Call.of("/api/auth/users", body(
                                "username", "made-" + UUID.randomUUID().toString().substring(0, 12),
                                "password", "pw-" + UUID.randomUUID(), "role", "employee", "full_name", "Made Here",
                                "email", "made@example.com")))
                        .allow(201, ADMIN).field("username", CODE, true).field("password", TEXT, true)
                        .field("role", CODE, true).field("full_name", TEXT, false).field("email", CODE, false),
                Endpoint.of("POST", "/api/auth/import", Area.AUTH, w -> Call.of("/api/auth/import",
                                body("users", List.of(), "dry_run", true)))
                        .allow(200, ADMIN).field("users", LIST, true).field("hash_field", TEXT, false)
                        .field("dry_run", BOOLEAN, false)
                        .note("import from the original system; an empty dry run changes nothing"),
                Endpoint.of("GET", "/api/auth/users", Area.AUTH, w -> Call.of("/api/auth/users?offset=0&limit=5")).allow(200, ADMIN),
                Endpoint.of("GET", "/api/auth/users/{id}", Area.AUTH, w -> Call.of("/api/auth/users/" + w.victimUserId()))
                        .allow(200, ADMIN),
                Endpoint.of("PATCH", "/api/auth/users/{id}", Area.AUTH, w -> Call.of("/api/auth/users/" + w.victimUserId(),
                                body("full_name", "Victim " + UUID.randomUUID().toString().substring(0, 6),
                                        "version", w.userVersion(w.victimUserId()))))
                        .allow(200, ADMIN).field("role", CODE, false).field("active", BOOLEAN, false)
                        .field("full_name", TEXT, false).field("email", CODE, false).field("version", VERSION, true),
                Endpoint.of("POST", "/api/auth/users/{id}/password-reset", Area.AUTH, w -> Call.of(
                                "/api/auth/users/" + w.victimUserId() + "/password-reset",
                                body("new_password", "Reset-pass-" + UUID.randomUUID())))
                        .allow(200, ADMIN).field("new_password", TEXT, false),
                Endpoint.of("POST", "/api/auth/service-accounts", Area.AUTH, w -> Call.of("/api/auth/service-accounts",
                                body("name", "made-" + UUID.randomUUID().toString().substring(0, 12), "roles", List.of("production"))))
                        .allow(201, ADMIN).field("name", TEXT, true).field("roles", LIST, true),
                Endpoint.of("GET", "/api/auth/service-accounts", Area.AUTH, w -> Call.of("/api/auth/service-accounts"))
                        .allow(200, ADMIN),
                Endpoint.of("GET", "/api/auth/service-accounts/{id}", Area.AUTH, w -> Call.of(
                        "/api/auth/service-accounts/" + w.victimServiceAccountId())).allow(200, ADMIN),
                Endpoint.of("PATCH", "/api/auth/service-accounts/{id}", Area.AUTH, w -> Call.of(
                                "/api/auth/service-accounts/" + w.victimServiceAccountId(), body("roles", List.of("production"),
                                        "version", w.serviceAccountVersion(w.victimServiceAccountId()))))
                        .allow(200, ADMIN).field("active", BOOLEAN, false).field("roles", LIST, false)
                        .field("version", VERSION, true),
                Endpoint.of("POST", "/api/auth/service-accounts/{id}/secret", Area.AUTH, w -> Call.of(
                        "/api/auth/service-accounts/" + w.victimServiceAccountId() + "/secret")).allow(200, ADMIN),
                // ---- inventory-service ----
                Endpoint.of("GET", "/api/stock", Area.STOCK, w -> Call.of("/api/stock?client_id=" + w.clientId() + "&page=0&size=5"))
                        .allow(200, OPERATIONS),
                Endpoint.of("GET", "/api/stock/{id}", Area.STOCK, w -> Call.of("/api/stock/" + w.stockId())).allow(200, OPERATIONS),
                Endpoint.of("GET", "/api/stock/{id}/movements", Area.STOCK, w -> Call.of(
                        "/api/stock/" + w.stockId() + "/movements?after_seq=0&limit=5")).allow(200, OPERATIONS),
                Endpoint.of("GET", "/api/stock/{id}/allocations", Area.STOCK, w -> Call.of(
                        "/api/stock/" + w.stockId() + "/allocations?page=0&size=5")).allow(200, OPERATIONS),
                Endpoint.of("POST", "/api/stock/import", Area.STOCK, w -> Call.of("/api/stock/import",
                                body("stock", List.of(), "dry_run", true)))
                        .allow(200, ADMIN).field("stock", LIST, false).field("products", LIST, false)
                        .field("dry_run", BOOLEAN, false)
                        .note("import from the original system; an empty dry run changes nothing"),
                Endpoint.of("POST", "/api/stock/receipts", Area.STOCK, w -> Call.of("/api/stock/receipts", body(
                                "product_id", w.productId(), "client_id", w.clientId(), "quantity", 1, "reference", "system test")))
                        .allow(200, OPERATIONS).field("product_id", TEXT, true).field("client_id", TEXT, true)
                        .field("quantity", COUNT, true).field("reference", TEXT, false),
                Endpoint.of("POST", "/api/stock/allocations", Area.STOCK, w -> Call.of("/api/stock/allocations", body(
                                "product_id", w.productId(), "client_id", w.clientId(), "quantity", 1)))
                        .allow(201, OPERATIONS).field("product_id", CODE, true).field("client_id", CODE, true)
                        .field("quantity", COUNT, true).field("order_id", TEXT, false),
                Endpoint.of("GET", "/api/stock/allocations/{id}", Area.STOCK, w -> Call.of(
                        "/api/stock/allocations/" + w.allocationId())).allow(200, OPERATIONS),
                Endpoint.of("POST", "/api/stock/allocations/{id}/release", Area.STOCK, w -> Call.of(
                        "/api/stock/allocations/" + w.newAllocation() + "/release")).allow(200, OPERATIONS),
                Endpoint.of("POST", "/api/stock/issues", Area.STOCK, w -> Call.of("/api/stock/issues",
                                body("allocation_id", w.newAllocation(), "quantity", 1)))
                        .allow(200, OPERATIONS).field("allocation_id", CODE, true).field("quantity", DECIMAL, false),
                Endpoint.of("GET", "/api/stock/products", Area.STOCK, w -> Call.of("/api/stock/products?page=0&size=5"))
                        .allow(200, OPERATIONS),
                Endpoint.of("GET", "/api/stock/products/{code}", Area.STOCK, w -> Call.of(
                        "/api/stock/products/" + w.catalogueProduct())).allow(200, OPERATIONS),
                Endpoint.of("POST", "/api/stock/products", Area.STOCK, w -> Call.of("/api/stock/products", body(
                                "code", "NEW-" + UUID.randomUUID().toString().substring(0, 12), "name", "Made here",
                                "unit", "sheet")))
                        .allow(201, SUPERVISORS).field("code", CODE, true).field("name", TEXT, true).field("unit", CODE, true),
                Endpoint.of("PUT", "/api/stock/products/{code}", Area.STOCK, w -> Call.of(
                                "/api/stock/products/" + w.catalogueProduct(), body("name", "Catalogue "
                                        + UUID.randomUUID().toString().substring(0, 6), "unit", "kilogram",
                                        "version", w.productVersion(w.catalogueProduct()))))
                        .allow(200, SUPERVISORS).field("name", TEXT, true).field("unit", CODE, true)
                        .field("version", VERSION, true),
                Endpoint.of("DELETE", "/api/stock/products/{code}", Area.STOCK, w -> {
                    String code = w.newCatalogueProduct();
                    return Call.of("/api/stock/products/" + code + "?version=" + w.productVersion(code));
                }).allow(204, SUPERVISORS),
                Endpoint.of("POST", "/api/stock/adjustments", Area.STOCK, w -> Call.of("/api/stock/adjustments", body(
                                "product_id", w.productId(), "client_id", w.clientId(), "quantity_change", 1, "reason", "count")))
                        .allow(200, ADMIN, MANAGER).field("product_id", TEXT, true).field("client_id", TEXT, true)
                        .field("quantity_change", SIGNED, true).field("reason", TEXT, true),
                // ---- order-service ----
                Endpoint.of("GET", "/api/orders", Area.ORDERS, w -> Call.of("/api/orders?client_id=" + w.clientId() + "&page=0&size=5"))
                        .allow(200, OPERATIONS),
                Endpoint.of("GET", "/api/orders/{id}", Area.ORDERS, w -> Call.of("/api/orders/" + w.orderId())).allow(200, OPERATIONS),
                Endpoint.of("POST", "/api/orders", Area.ORDERS, w -> Call.of("/api/orders", w.orderBody()))
                        .allow(201, OPERATIONS).field("client_id", TEXT, true).field("lines", LIST, true)
                        .field("contact_name", TEXT, false).field("contact_email", CODE, false)
                        .field("contact_phone", TEXT, false).field("due_date", DATE, false).field("notes", TEXT, false),
                Endpoint.of("PUT", "/api/orders/{id}", Area.ORDERS, w -> {
                            String id = w.orderId();
                            Map<String, Object> body = w.orderBody();
                            body.remove("client_id");
                            body.put("notes", "replaced " + UUID.randomUUID());
                            body.put("version", w.orderVersion(id));
                            return Call.of("/api/orders/" + id, body);
                        })
                        .allow(200, OPERATIONS).field("version", VERSION, false).field("lines", LIST, true)
                        .field("contact_name", TEXT, false).field("contact_email", CODE, false)
                        .field("due_date", DATE, false).field("notes", TEXT, false),
                Endpoint.of("PATCH", "/api/orders/{id}", Area.ORDERS, w -> Call.of("/api/orders/" + w.orderId(),
                                body("notes", "patched " + UUID.randomUUID(), "version", w.orderVersion(w.orderId()))))
                        .allow(200, OPERATIONS).field("version", VERSION, false).field("contact_name", TEXT, false)
                        .field("contact_email", CODE, false).field("due_date", DATE, false).field("notes", TEXT, false)
                        .field("lines", LIST, false),
                Endpoint.of("POST", "/api/orders/{id}/cancel", Area.ORDERS, w -> Call.of(
                                "/api/orders/" + w.newOrder() + "/cancel", body("reason", "system test")))
                        .stableCall(w -> Call.of("/api/orders/" + w.orderId() + "/cancel", body("reason", "system test")))
                        .allow(200, OPERATIONS).field("reason", TEXT, false),
                Endpoint.of("POST", "/api/orders/import", Area.ORDERS, w -> Call.of("/api/orders/import",
                                body("orders", List.of(), "dry_run", true)))
                        .allow(200, ADMIN).field("orders", LIST, false).field("clients", LIST, false)
                        .field("dry_run", BOOLEAN, false)
                        .note("import from the original system; an empty dry run changes nothing"),
                // ---- payroll-service ----
                Endpoint.of("POST", "/api/payroll/import", Area.PAYROLL, w -> Call.of("/api/payroll/import",
                                body("employees", List.of(), "dry_run", true)))
                        .allow(200, ADMIN).field("employees", LIST, false).field("dry_run", BOOLEAN, false)
                        .note("import from the original system; an empty dry run changes nothing"),
                Endpoint.of("POST", "/api/payroll/employees", Area.PAYROLL, w -> Call.of("/api/payroll/employees", body(
                                "user_id", "external-" + UUID.randomUUID(), "name", "Made Here", "hourly_rate", 21.5,
                                "standard_weekly_hours", 40, "leave_balances", body("annual", 10, "sick", 10, "personal", 10))))
                        .allow(201, ADMIN).field("user_id", TEXT, true).field("name", TEXT, true)
                        .field("manager_user_id", TEXT, false).field("hourly_rate", DECIMAL, true)
                        .field("standard_weekly_hours", DECIMAL, true).field("leave_balances", OBJECT, true)
                        .field("active", BOOLEAN, false),
                Endpoint.of("GET", "/api/payroll/employees", Area.PAYROLL, w -> Call.of("/api/payroll/employees?active=true&limit=5"))
                        .allow(200, SUPERVISORS),
                Endpoint.of("GET", "/api/payroll/employees/me", Area.PAYROLL, w -> Call.of("/api/payroll/employees/me"))
                        .allow(200, STAFF_USERS).allow(404, SERVICE).note("a service account has no profile: 404"),
                Endpoint.of("GET", "/api/payroll/employees/{id}", Area.PAYROLL, w -> Call.of(
                        "/api/payroll/employees/" + w.employeeProfileId())).allow(200, ADMIN, MANAGER, EMPLOYEE),
                Endpoint.of("PUT", "/api/payroll/employees/{id}", Area.PAYROLL, w -> Call.of(
                                "/api/payroll/employees/" + w.employeeProfileId(), w.profileUpdateBody(w.employeeProfileId())))
                        .allow(200, ADMIN).field("name", TEXT, true).field("manager_user_id", TEXT, false)
                        .field("hourly_rate", DECIMAL, true).field("standard_weekly_hours", DECIMAL, true)
                        .field("leave_balances", OBJECT, true).field("active", BOOLEAN, true).field("version", VERSION, true),
                Endpoint.of("GET", "/api/payroll/employees/{id}/pay-summary", Area.PAYROLL, w -> Call.of(
                                "/api/payroll/employees/" + w.employeeProfileId() + "/pay-summary?from=2040-01-01&to=2099-12-31"))
                        .allow(200, ADMIN, MANAGER, EMPLOYEE),
                Endpoint.of("POST", "/api/payroll/leave-requests", Area.PAYROLL, w -> Call.of("/api/payroll/leave-requests",
                                w.leaveBody()))
                        .allow(201, STAFF_USERS).allow(404, SERVICE).note("own profile; a service account has none: 404")
                        .field("employee_id", CODE, false).field("leave_type", CODE, true).field("start_date", DATE, true)
                        .field("end_date", DATE, true).field("hours", DECIMAL, true).field("reason", TEXT, false),
                Endpoint.of("GET", "/api/payroll/leave-requests", Area.PAYROLL, w -> Call.of(
                        "/api/payroll/leave-requests?status=PENDING&leave_type=ANNUAL&from=2030-01-01&to=2099-01-01&limit=5"))
                        .allow(200, STAFF_USERS).allow(404, SERVICE)
                        .note("an account without a payroll profile gets 404 (no records of its own)"),
                Endpoint.of("GET", "/api/payroll/leave-requests/{id}", Area.PAYROLL, w -> Call.of(
                        "/api/payroll/leave-requests/" + w.leaveId())).allow(200, ADMIN, MANAGER, EMPLOYEE),
                Endpoint.of("POST", "/api/payroll/leave-requests/{id}/approve", Area.PAYROLL, w -> Call.of(
                        "/api/payroll/leave-requests/" + w.newPendingLeave() + "/approve")).allow(200, SUPERVISORS),
                Endpoint.of("POST", "/api/payroll/leave-requests/{id}/reject", Area.PAYROLL, w -> Call.of(
                                "/api/payroll/leave-requests/" + w.newPendingLeave() + "/reject", body("reason", "not now")))
                        .allow(200, SUPERVISORS).field("reason", TEXT, true),
                Endpoint.of("POST", "/api/payroll/leave-requests/{id}/cancel", Area.PAYROLL, w -> Call.of(
                        "/api/payroll/leave-requests/" + w.newPendingLeave() + "/cancel")).allow(200, ADMIN, MANAGER, EMPLOYEE),
                Endpoint.of("POST", "/api/payroll/timesheets", Area.PAYROLL, w -> Call.of("/api/payroll/timesheets",
                                w.timesheetBody()))
                        .allow(201, STAFF_USERS).allow(404, SERVICE).note("own profile; a service account has none: 404")
                        .field("employee_id", CODE, false).field("week", CODE, true).field("entries", LIST, true),
                Endpoint.of("GET", "/api/payroll/timesheets", Area.PAYROLL, w -> Call.of(
                        "/api/payroll/timesheets?status=DRAFT&limit=5")).allow(200, STAFF_USERS).allow(404, SERVICE)
                        .note("an account without a payroll profile gets 404 (no records of its own)"),
                Endpoint.of("GET", "/api/payroll/timesheets/{id}", Area.PAYROLL, w -> Call.of(
                        "/api/payroll/timesheets/" + w.timesheetId())).allow(200, ADMIN, MANAGER, EMPLOYEE),
                Endpoint.of("PUT", "/api/payroll/timesheets/{id}", Area.PAYROLL, w -> {
                            String id = w.newDraftTimesheet();
                            return Call.of("/api/payroll/timesheets/" + id, w.timesheetEditBody(id));
                        })
                        .allow(200, ADMIN, MANAGER, EMPLOYEE).field("entries", LIST, true).field("version", VERSION, true),
                Endpoint.of("POST", "/api/payroll/timesheets/{id}/submit", Area.PAYROLL, w -> Call.of(
                        "/api/payroll/timesheets/" + w.newDraftTimesheet() + "/submit")).allow(200, ADMIN, MANAGER, EMPLOYEE),
                Endpoint.of("POST", "/api/payroll/timesheets/{id}/approve", Area.PAYROLL, w -> Call.of(
                        "/api/payroll/timesheets/" + w.newSubmittedTimesheet() + "/approve")).allow(200, SUPERVISORS),
                Endpoint.of("POST", "/api/payroll/timesheets/{id}/reject", Area.PAYROLL, w -> Call.of(
                                "/api/payroll/timesheets/" + w.newSubmittedTimesheet() + "/reject", body("reason", "fix it")))
                        .allow(200, SUPERVISORS).field("reason", TEXT, true),
                Endpoint.of("GET", "/api/payroll/calculations", Area.PAYROLL, w -> Call.of(
                        "/api/payroll/calculations?from=2040-01-01&to=2099-12-31&limit=5")).allow(200, STAFF_USERS).allow(404, SERVICE)
                        .note("an account without a payroll profile gets 404 (no records of its own)"),
                Endpoint.of("GET", "/api/payroll/calculations/{id}", Area.PAYROLL, w -> Call.of(
                        "/api/payroll/calculations/" + w.calculationId())).allow(200, ADMIN, MANAGER, EMPLOYEE),
                // ---- gateway ----
                Endpoint.of("GET", "/api/events/stream", Area.ORDERS, w -> Call.of("/api/events/stream"))
                        .stream().allow(200, EVERYONE));
    }

    /** An ordered, mutable body from name/value pairs. */
    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }
}
