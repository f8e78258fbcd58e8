package com.misty.orders.domain;

/**
 * The order of a list or an export. Ties (same due date or creation time) are broken by the order number in the
 * same direction, which is unique, so pages never overlap or skip.
 */
public record OrderSort(Field field, boolean ascending) {

    /** The sortable fields, by their JSON names. */
    public enum Field {
        CREATED_AT("created_at"), DUE_DATE("due_date"), ORDER_NUMBER("order_number");

        private final String json;

        Field(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** Newest first, as the list always showed. */
    public static final OrderSort NEWEST_FIRST = new OrderSort(Field.CREATED_AT, false);
}
