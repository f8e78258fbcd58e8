package com.misty.contracts.payroll;

/** A timesheet went back to draft with a reason. */
public record TimesheetRejected(String timesheetId, String employeeId, String employeeUserId, String week,
                                String reason, String rejectedBy) {
}
