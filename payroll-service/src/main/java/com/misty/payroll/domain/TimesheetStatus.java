package com.misty.payroll.domain;

/** DRAFT → SUBMITTED → APPROVED, or back to DRAFT when a manager rejects it with a reason. */
public enum TimesheetStatus {
    DRAFT, SUBMITTED, APPROVED
}
