package com.misty.orders.domain;

/**
 * What one edit does to an order.
 *
 * @param next      the order as it will be stored
 * @param requested the revision this edit asks inventory for, or null when no stock changes
 */
public record OrderEdit(Order next, PendingRevision requested) {
}
