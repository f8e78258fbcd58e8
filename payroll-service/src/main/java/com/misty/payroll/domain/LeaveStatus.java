package com.misty.payroll.domain;

/** PENDING → APPROVED | REJECTED | CANCELLED; APPROVED → CANCELLED (by a manager, with a refund). */
public enum LeaveStatus {
    PENDING, APPROVED, REJECTED, CANCELLED
}
