package com.misty.orders.domain;

import java.time.Instant;
import java.util.List;

/** Lines a user asked for on a confirmed order, waiting for inventory to allocate the difference. */
public record PendingRevision(long revision, List<OrderLineItem> lines, String requestedBy, Instant requestedAt) {
}
