package com.misty.contracts.orders;

import java.util.List;

/** An order was created and waits for stock ({@code PENDING_STOCK}). Inventory allocates all lines or none. */
public record OrderPlaced(String orderId, String orderNumber, String clientId, List<OrderLine> lines) {
}
