package com.misty.payroll.domain;

import com.misty.platform.problem.DomainException;

import java.math.BigDecimal;

/**
 * The problems payroll endpoints answer with, worded once. A code with several details names each situation
 * (e.g. {@code ALREADY_DECIDED}: lost an approval race, a rejection or cancellation that lost, a request
 * closed already); details keep the original system's messages where it had one.
 */
public final class PayrollProblems {

    /** The original system's message for a second approver of a leave request. */
    public static final String LEAVE_ALREADY_DECIDED_DETAIL = "Already approved or concurrent approval occurred";
    /** The original system's message for a second approver of a timesheet. */
    public static final String TIMESHEET_ALREADY_APPROVED_DETAIL = "Already approved by another manager";

    private PayrollProblems() {
    }

    // --- not found

    public static DomainException employeeNotFound(String id) {
        return DomainException.notFound("Employee", id);
    }

    /** The caller asked for "their own" profile and has none. */
    public static DomainException noOwnProfile() {
        return new DomainException(404, "NOT_FOUND", "You have no payroll profile.");
    }

    public static DomainException leaveRequestNotFound(String id) {
        return DomainException.notFound("Leave request", id);
    }

    public static DomainException timesheetNotFound(String id) {
        return DomainException.notFound("Timesheet", id);
    }

    public static DomainException calculationNotFound(String id) {
        return DomainException.notFound("Calculation", id);
    }

    // --- access

    public static DomainException notOwnRecord() {
        return DomainException.forbidden("You may only access your own records.");
    }

    public static DomainException ownDecision(String what) {
        return DomainException.forbidden("You cannot decide on your own " + what + ".");
    }

    public static DomainException fourEyes(String what) {
        return new DomainException(403, "FOUR_EYES", "You prepared this " + what + "; someone else must approve it.");
    }

    public static DomainException supervisorsOnly() {
        return DomainException.forbidden("Only managers and admins may do this.");
    }

    // --- conflicts with current state

    public static DomainException duplicateEmployee(String userId) {
        return DomainException.conflict("DUPLICATE_EMPLOYEE", "User " + userId + " already has a payroll profile.");
    }

    public static DomainException duplicateTimesheet(String week) {
        return DomainException.conflict("DUPLICATE_TIMESHEET",
                "A timesheet for week " + week + " already exists for this employee.");
    }

    public static DomainException employeeInactive(String employeeId) {
        return DomainException.conflict("EMPLOYEE_INACTIVE", "Employee " + employeeId + " is inactive.");
    }

    public static DomainException staleProfile(long currentVersion) {
        return DomainException.conflict("VERSION_CONFLICT",
                        "Profile was modified by another user. Please refresh and try again.")
                .with("current_version", currentVersion);
    }

    public static DomainException staleTimesheet(long currentVersion) {
        return DomainException.conflict("VERSION_CONFLICT",
                        "Timesheet was modified by another user. Please refresh and try again.")
                .with("current_version", currentVersion);
    }

    /** A leave request another approver approved first (or was approving: its deduction was refunded). */
    public static DomainException leaveAlreadyDecided() {
        return DomainException.conflict("ALREADY_DECIDED", LEAVE_ALREADY_DECIDED_DETAIL);
    }

    /** A rejection whose guarded PENDING → REJECTED found the request no longer pending. */
    public static DomainException leaveRejectionLost() {
        return DomainException.conflict("ALREADY_DECIDED", "Already decided or concurrently changed");
    }

    /** A cancellation of a request that is rejected or cancelled already. */
    public static DomainException leaveClosed(LeaveStatus status) {
        return DomainException.conflict("ALREADY_DECIDED", "Leave request is already " + status + ".");
    }

    /** A cancellation whose guarded update found the request changed since it was read. */
    public static DomainException leaveCancellationLost() {
        return DomainException.conflict("ALREADY_DECIDED", "Already cancelled or concurrently changed");
    }

    public static DomainException timesheetAlreadyApproved() {
        return DomainException.conflict("ALREADY_DECIDED", TIMESHEET_ALREADY_APPROVED_DETAIL);
    }

    /** A timesheet step that its current status does not allow; {@code rule} says which status would. */
    public static DomainException timesheetNotIn(TimesheetStatus current, String rule) {
        return DomainException.conflict("INVALID_STATE", rule + "; this one is " + current + ".")
                .with("status", current.name());
    }

    public static DomainException overlappingLeave(String overlappingRequestId) {
        return DomainException.conflict("OVERLAPPING_LEAVE",
                        "The period overlaps leave request " + overlappingRequestId + ".")
                .with("overlapping_request_id", overlappingRequestId);
    }

    /** The atomic booking of the days found them taken (and nothing stale to free). */
    public static DomainException daysBooked() {
        return DomainException.conflict("OVERLAPPING_LEAVE", "The period overlaps another leave request.");
    }

    public static DomainException insufficientBalance(LeaveType type, BigDecimal available, BigDecimal requested) {
        return DomainException.conflict("INSUFFICIENT_BALANCE",
                        "Insufficient " + type.name().toLowerCase() + " leave balance: "
                                + available.stripTrailingZeros().toPlainString() + " hours available, "
                                + requested.stripTrailingZeros().toPlainString() + " requested.")
                .with("available_hours", available);
    }

    public static DomainException balanceKeptChanging() {
        return DomainException.conflict("CONCURRENT_UPDATE", "The balance kept changing; please try again.");
    }

    public static DomainException calculationFailed(String why) {
        return DomainException.conflict("CALCULATION_FAILED",
                "Pay could not be calculated: " + why + ". The timesheet is back to SUBMITTED.");
    }

    // --- bad input

    public static DomainException invalidWeekFormat() {
        return DomainException.badRequest("INVALID_WEEK", "week must be an ISO week like 2026-W48.");
    }

    public static DomainException noSuchWeek(String text) {
        return DomainException.badRequest("INVALID_WEEK", "Week " + text + " does not exist.");
    }

    public static DomainException entryOutsideWeek(Object date, Object week) {
        return DomainException.badRequest("INVALID_ENTRY", "Entry date " + date + " is not in week " + week + ".");
    }

    public static DomainException dateTwice(Object date) {
        return DomainException.badRequest("INVALID_ENTRY", "Date " + date + " appears more than once.");
    }

    public static DomainException hoursPerDayOutOfRange() {
        return DomainException.badRequest("INVALID_HOURS", "Hours per day must be between 0 and 24.");
    }

    public static DomainException weeklyHoursExceeded(BigDecimal max, BigDecimal total) {
        return DomainException.badRequest("WEEKLY_HOURS_EXCEEDED", "A week may have at most "
                + max.stripTrailingZeros().toPlainString() + " hours; this one has "
                + total.stripTrailingZeros().toPlainString() + ".")
                .with("max_weekly_hours", max).with("total_hours", total);
    }

    public static DomainException endBeforeStart() {
        return DomainException.badRequest("INVALID_DATES", "end_date must not be before start_date.");
    }

    public static DomainException periodTooLong(long maxDays) {
        return DomainException.badRequest("INVALID_DATES", "A leave request may span at most " + maxDays + " days.");
    }

    public static DomainException toBeforeFrom() {
        return DomainException.badRequest("INVALID_DATES", "to must not be before from.");
    }

    public static DomainException leaveHoursNotPositive() {
        return DomainException.badRequest("INVALID_HOURS", "hours must be greater than 0.");
    }

    public static DomainException leaveHoursExceedPeriod() {
        return DomainException.badRequest("INVALID_HOURS", "hours exceed 24 per day of the requested period.");
    }
}
