package com.misty.gateway.support;

import java.util.List;
import java.util.Map;

/**
 * {@link DownstreamStubs} with two replicas of inventory-service, order-service and auth-service
 * ({@code inventory,inventory-2}, ...): the routes list both, and readiness is polled every second.
 */
public class ReplicatedStubs extends DownstreamStubs {

    @Override
    protected List<String> replicas() {
        return List.of("auth-2", "inventory-2", "orders-2");
    }

    @Override
    protected void configure(Map<String, String> config) {
        config.put("misty.gateway.health-check.interval", "1s");
        config.put("misty.gateway.health-check.timeout", "500ms");
        // Every test user may send bursts here without meeting the per-user limit (ThrottlingResourceTest has its own).
        config.put("misty.gateway.throttle.user-burst", "1000");
        config.put("misty.gateway.throttle.user-per-second", "1000");
    }
}
