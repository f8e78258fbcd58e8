package com.misty.orders.rest;

import com.misty.orders.domain.HistoryEntry;

import java.util.List;

/** {@code GET /api/orders/{id}/history}: the order's changes, one per version from 1 to {@code version}. */
public record OrderHistoryResponse(String orderId, long version, List<HistoryEntry> entries) {
}
