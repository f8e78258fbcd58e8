package com.misty.contracts.payroll;

/** A timesheet was submitted for approval; {@code week} is the ISO week, e.g. 2026-W48. */
public record TimesheetSubmitted(String timesheetId, String employeeId, String employeeUserId, String week) {
}
