package com.misty.contracts.payroll;

/** A timesheet was approved or sent back to draft. */
public record TimesheetDecided(String timesheetId, String employeeId, String week, String status, String decidedBy) {
}
