package com.misty.inventory.domain;

/** Who owns an allocation: a user through the API, or the order saga (released only by the order's events). */
public enum AllocationSource {
    API, ORDER_SAGA
}
