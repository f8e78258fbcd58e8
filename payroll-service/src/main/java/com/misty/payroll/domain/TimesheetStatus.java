package com.misty.payroll.domain;

/**
 * DRAFT → SUBMITTED → APPROVED, or back to DRAFT when a manager rejects it with a reason.
 * UNRECOGNISED: a stored status this build does not know; shown, never edited, submitted or decided.
 */
public enum TimesheetStatus {
    DRAFT, SUBMITTED, APPROVED, UNRECOGNISED
}
