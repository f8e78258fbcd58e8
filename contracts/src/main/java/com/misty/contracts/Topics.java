package com.misty.contracts;

/**
 * Kafka topic names. Each service publishes to the topic named after what it owns; inventory-service also
 * publishes its stream of {@code StockLevelChanged} (one per stock movement, by far the busiest event) on a topic
 * of its own, so the saga's answers on {@code inventory.events} never queue behind a burst of level changes.
 */
public final class Topics {
    public static final String AUTH_EVENTS = "auth.events";
    public static final String INVENTORY_EVENTS = "inventory.events";
    /** {@code StockLevelChanged} only, keyed by stock id. */
    public static final String INVENTORY_STOCK_LEVELS = "inventory.stock-levels";
    public static final String PAYROLL_EVENTS = "payroll.events";
    public static final String ORDERS_EVENTS = "orders.events";

    public static final java.util.List<String> ALL = java.util.List.of(AUTH_EVENTS, INVENTORY_EVENTS,
            INVENTORY_STOCK_LEVELS, PAYROLL_EVENTS, ORDERS_EVENTS);

    private Topics() {
    }
}
