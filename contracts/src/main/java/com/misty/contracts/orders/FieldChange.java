package com.misty.contracts.orders;

/** One field of an order changed by an edit: its name (as in the order's JSON), the old and the new value. */
public record FieldChange(String field, String oldValue, String newValue) {
}
