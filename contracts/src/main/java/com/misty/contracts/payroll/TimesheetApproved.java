package com.misty.contracts.payroll;

/** A timesheet was approved (by exactly one manager). */
public record TimesheetApproved(String timesheetId, String employeeId, String employeeUserId, String week,
                                String approvedBy) {
}
