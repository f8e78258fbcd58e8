package com.misty.inventory.domain.saga;

public enum AttemptKind {
    PLACE, REVISE, CANCEL
}
