package com.misty.gateway.domain;

import com.misty.contracts.Topics;

/**
 * Which live events a viewer may see. Orders and stock are work data for the operational roles; payroll
 * events are personal, so besides managers and admins only the employee they concern sees them; account
 * events go to admins and to the user they concern (so a revoked session can sign itself out).
 */
public final class EventVisibility {

    private EventVisibility() {
    }

    public static boolean canSee(Viewer viewer, LiveEvent event) {
        boolean admin = viewer.hasRole(RoutePolicy.ADMIN);
        boolean manager = viewer.hasRole(RoutePolicy.MANAGER);
        boolean concernsViewer = event.ownerUserId() != null && event.ownerUserId().equals(viewer.userId());
        return switch (event.topic()) {
            case Topics.ORDERS_EVENTS, Topics.INVENTORY_EVENTS, Topics.INVENTORY_STOCK_LEVELS -> admin || manager || viewer.hasRole(RoutePolicy.PRODUCTION);
            case Topics.PAYROLL_EVENTS -> admin || manager || concernsViewer;
            case Topics.AUTH_EVENTS -> admin || concernsViewer;
            default -> admin;
        };
    }
}
