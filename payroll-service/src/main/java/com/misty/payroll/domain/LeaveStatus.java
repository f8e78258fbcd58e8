package com.misty.payroll.domain;

/**
 * PENDING → APPROVED | REJECTED | CANCELLED; APPROVED → CANCELLED (by a manager, with a refund).
 * UNRECOGNISED: a stored status (or leave type) this build does not know; shown, never decided or cancelled.
 */
public enum LeaveStatus {
    PENDING, APPROVED, REJECTED, CANCELLED, UNRECOGNISED
}
