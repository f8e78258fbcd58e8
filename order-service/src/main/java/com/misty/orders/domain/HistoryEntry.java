package com.misty.orders.domain;

import com.misty.contracts.orders.FieldChange;

import java.time.Instant;
import java.util.List;

/**
 * One change of an order: the version it produced (every change bumps the version by one, so an order at version
 * N has exactly the entries 1..N), who made it, when, what kind, and for each changed field its old and new value.
 */
public record HistoryEntry(String orderId, long version, Instant at, String actor, Kind kind, List<FieldChange> changes) {

    public enum Kind { CREATED, EDITED, STATUS_CHANGED, REVISION, CANCELLED, STOCK_CONSUMED }

    public HistoryEntry {
        changes = List.copyOf(changes);
    }

    /** The entry's id: one per order version, so moving it twice stores it once. */
    public String id() {
        return orderId + ":" + version;
    }
}
