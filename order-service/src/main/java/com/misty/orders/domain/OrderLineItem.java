package com.misty.orders.domain;

import com.misty.contracts.orders.OrderLine;

/** One line of an order: {@code line} numbers it within the order from 1, in the order the client sent. */
public record OrderLineItem(int line, String productId, long quantity, String notes) {

    public OrderLine toContract() {
        return new OrderLine(line, productId, quantity);
    }

    /** Whether inventory would see a difference: product or quantity, not the notes. */
    boolean sameStockAs(OrderLineItem other) {
        return line == other.line && productId.equals(other.productId) && quantity == other.quantity;
    }
}
