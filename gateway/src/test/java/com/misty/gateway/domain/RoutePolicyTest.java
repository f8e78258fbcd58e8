package com.misty.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RoutePolicyTest {

    @Test
    void employeesReachPayrollAndTheirOwnAccountOnly() {
        Set<String> employee = Set.of("employee");
        assertThat(RoutePolicy.allows(employee, "/api/payroll/leave-requests/7/cancel")).isTrue();
        assertThat(RoutePolicy.allows(employee, "/api/auth/me")).isTrue();
        assertThat(RoutePolicy.allows(employee, "/api/auth/logout-all")).isTrue();
        assertThat(RoutePolicy.allows(employee, "/api/auth/names")).as("names behind actor ids, for the UI").isTrue();
        assertThat(RoutePolicy.allows(employee, "/api/auth/names/x")).isFalse();
        assertThat(RoutePolicy.allows(employee, "/api/auth/users")).isFalse();
        assertThat(RoutePolicy.allows(employee, "/api/stock")).isFalse();
        assertThat(RoutePolicy.allows(employee, "/api/orders/1")).isFalse();
        assertThat(RoutePolicy.allows(employee, "/api/clients/c-1")).isFalse();
        assertThat(RoutePolicy.allows(employee, "/api/payrollx")).as("a prefix is a whole segment").isTrue();
    }

    @Test
    void anyGrantingRoleIsEnough() {
        assertThat(RoutePolicy.allows(Set.of("employee", "production"), "/api/stock/s-1")).isTrue();
        assertThat(RoutePolicy.allows(Set.of("manager"), "/api/auth/users/1")).isFalse();
        assertThat(RoutePolicy.allows(Set.of("admin"), "/api/auth/users/1")).isTrue();
        assertThat(RoutePolicy.allows(Set.of(), "/api/payroll/timesheets")).isFalse();
    }

    @Test
    void prefixesMatchWholeSegments() {
        assertThat(Downstream.owning("/api/stockpile")).isEmpty();
        assertThat(Downstream.owning("/api/stock")).contains(Downstream.INVENTORY);
        assertThat(Downstream.owning("/.well-known/jwks.json")).contains(Downstream.AUTH);
        assertThat(Downstream.owning("/api/clients")).contains(Downstream.ORDERS);
        assertThat(Downstream.owning("/api/clients/c-1")).contains(Downstream.ORDERS);
        assertThat(Downstream.owning("/api/clientsx")).isEmpty();
    }
}
