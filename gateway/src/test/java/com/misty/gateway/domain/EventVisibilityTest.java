package com.misty.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventVisibilityTest {

    private static final LiveEvent ORDER = new LiveEvent("orders.events:0:2", "orders.events:0", 1, "orders.events", "OrderStatusChanged", null, "{}");
    private static final LiveEvent STOCK_LEVEL = new LiveEvent("inventory.stock-levels:0:7", "inventory.stock-levels:0", 4, "inventory.stock-levels", "StockLevelChanged", null, "{}");
    private static final LiveEvent MY_LEAVE = new LiveEvent("payroll.events:0:3", "payroll.events:0", 2, "payroll.events", "LeaveApproved", "e1", "{}");
    private static final LiveEvent MY_SESSION = new LiveEvent("auth.events:0:4", "auth.events:0", 3, "auth.events", "SessionsRevoked", "e1", "{}");

    @Test
    void employeesSeeOnlyEventsAboutThemselves() {
        Viewer me = new Viewer("e1", Set.of("employee"));
        Viewer colleague = new Viewer("e2", Set.of("employee"));
        assertThat(EventVisibility.canSee(me, MY_LEAVE)).isTrue();
        assertThat(EventVisibility.canSee(me, MY_SESSION)).isTrue();
        assertThat(EventVisibility.canSee(me, ORDER)).isFalse();
        assertThat(EventVisibility.canSee(me, STOCK_LEVEL)).isFalse();
        assertThat(EventVisibility.canSee(colleague, MY_LEAVE)).isFalse();
        assertThat(EventVisibility.canSee(colleague, MY_SESSION)).isFalse();
    }

    @Test
    void operationalRolesSeeWorkDataAndManagersPayroll() {
        assertThat(EventVisibility.canSee(new Viewer("p", Set.of("production")), ORDER)).isTrue();
        assertThat(EventVisibility.canSee(new Viewer("p", Set.of("production")), STOCK_LEVEL)).isTrue();
        assertThat(EventVisibility.canSee(new Viewer("p", Set.of("production")), MY_LEAVE)).isFalse();
        assertThat(EventVisibility.canSee(new Viewer("m", Set.of("manager")), MY_LEAVE)).isTrue();
        assertThat(EventVisibility.canSee(new Viewer("m", Set.of("manager")), MY_SESSION)).isFalse();
        assertThat(EventVisibility.canSee(new Viewer("a", Set.of("admin")), MY_SESSION)).isTrue();
    }
}
