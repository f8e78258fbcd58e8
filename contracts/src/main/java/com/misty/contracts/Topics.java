package com.misty.contracts;

/** Kafka topic names. Each service publishes to exactly one topic, named after what it owns. */
public final class Topics {
    public static final String AUTH_EVENTS = "auth.events";
    public static final String INVENTORY_EVENTS = "inventory.events";
    public static final String PAYROLL_EVENTS = "payroll.events";
    public static final String ORDERS_EVENTS = "orders.events";

    public static final java.util.List<String> ALL = java.util.List.of(AUTH_EVENTS, INVENTORY_EVENTS, PAYROLL_EVENTS, ORDERS_EVENTS);

    private Topics() {
    }
}
