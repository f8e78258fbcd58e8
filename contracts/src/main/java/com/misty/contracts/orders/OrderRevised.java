package com.misty.contracts.orders;

import java.util.List;

/**
 * The lines of an order changed. {@code revision} orders revisions of one order; inventory brings its
 * allocations to {@code lines}, allocating increases and releasing decreases, all or nothing.
 */
public record OrderRevised(String orderId, String clientId, long revision, List<OrderLine> lines) {
}
