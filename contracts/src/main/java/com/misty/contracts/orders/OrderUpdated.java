package com.misty.contracts.orders;

import java.util.List;

/**
 * An order's contact, due date, notes or lines were edited (status changes have {@code OrderStatusChanged}).
 *
 * @param changes each changed field with its old and new value, as shown in the order's history
 */
public record OrderUpdated(String orderId, String orderNumber, long version, List<FieldChange> changes) {
}
