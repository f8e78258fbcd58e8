package com.misty.inventory.domain;

public enum AllocationStatus {
    ALLOCATED, RELEASED
}
