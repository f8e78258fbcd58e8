package com.misty.payroll.service;

import com.misty.payroll.domain.PayrollProblems;
import com.misty.payroll.domain.EmployeeProfile;
import com.misty.payroll.domain.LeaveDeduction;
import com.misty.payroll.domain.LeaveRequest;
import com.misty.payroll.repository.EmployeeProfileRepository;
import com.misty.platform.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The exactly-once bookkeeping of leave hours on the employee profile. Both operations are keyed by the leave
 * request id inside one single-document update, so any number of concurrent or repeated callers deduct
 * (or refund) a request's hours at most once.
 */
@ApplicationScoped
public class LeaveBalanceLedger {

    private static final int ATTEMPTS = 5;

    private final EmployeeProfileRepository profiles;

    public LeaveBalanceLedger(EmployeeProfileRepository profiles) {
        this.profiles = profiles;
    }

    /**
     * Makes sure the request's hours are deducted: by this call, or already by a concurrent approver or an
     * earlier attempt that was interrupted before it could mark the request approved.
     *
     * @throws DomainException 409 INSUFFICIENT_BALANCE when the balance is short (the request stays pending),
     *                         409 ALREADY_DECIDED when the request's hours were deducted and refunded before
     */
    public void ensureDeducted(LeaveRequest request, String approvedBy) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            LeaveDeduction deduction = new LeaveDeduction(request.id(), request.leaveType(), request.hours(),
                    approvedBy, Instant.now());
            if (profiles.deduct(request.employeeId(), deduction)) {
                return;
            }
            EmployeeProfile profile = profiles.findProfile(request.employeeId())
                    .orElseThrow(() -> PayrollProblems.employeeNotFound(request.employeeId()));
            if (profile.hasDeductionFor(request.id())) {
                return;
            }
            if (profile.wasRefunded(request.id())) {
                throw PayrollProblems.leaveAlreadyDecided();
            }
            if (profile.balance(request.leaveType()).compareTo(request.hours()) < 0) {
                throw PayrollProblems.insufficientBalance(request.leaveType(), profile.balance(request.leaveType()),
                        request.hours());
            }
            // The balance sufficed when read again: a concurrent refund raced the filter. Try once more.
        }
        throw PayrollProblems.balanceKeptChanging();
    }

    /** Gives the request's hours back if they are deducted; a no-op when there is nothing (left) to refund. */
    public boolean refundIfDeducted(LeaveRequest request) {
        if (!request.leaveType().hasBalance()) {
            return false;
        }
        return profiles.refund(request.employeeId(), request.id(), request.leaveType(), request.hours(), Instant.now());
    }
}
