package com.misty.payroll.domain;

import com.misty.payroll.repository.EmployeeProfileRepository;
import com.misty.payroll.repository.LeaveRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;

/**
 * Finishes leave work that a crash interrupted between its two single-document steps. A deduction on a
 * profile older than the grace period means its approver is gone: if the request is still PENDING the
 * approval is completed (the approver's intent, already paid for); if it was rejected or cancelled the hours
 * are refunded. Every step is idempotent, so running this concurrently with live requests or on several
 * replicas at once is safe.
 */
@ApplicationScoped
public class LeaveRecovery {

    private static final Logger LOG = Logger.getLogger(LeaveRecovery.class);
    private static final int BATCH = 500;

    private final EmployeeProfileRepository profiles;
    private final LeaveRequestRepository requests;
    private final LeaveService leaves;
    private final LeaveBalanceLedger ledger;

    public LeaveRecovery(EmployeeProfileRepository profiles, LeaveRequestRepository requests, LeaveService leaves,
                         LeaveBalanceLedger ledger) {
        this.profiles = profiles;
        this.requests = requests;
        this.leaves = leaves;
        this.ledger = ledger;
    }

    /** @param cutoff deductions made before this instant are considered abandoned by their approver */
    public RecoveryReport recover(Instant cutoff) {
        int completed = 0;
        int refunded = 0;
        for (EmployeeProfile profile : profiles.withDeductions(BATCH)) {
            for (LeaveDeduction deduction : profile.leaveDeductions()) {
                if (deduction.at() != null && !deduction.at().isBefore(cutoff)) {
                    continue;
                }
                LeaveRequest request = requests.findById(deduction.requestId()).orElse(null);
                if (request == null) {
                    LOG.warnf("Profile %s has a deduction for unknown leave request %s", profile.id(),
                            deduction.requestId());
                    continue;
                }
                switch (request.status()) {
                    case PENDING -> {
                        if (leaves.markApproved(request, deduction.approvedBy()).isPresent()) {
                            completed++;
                        }
                    }
                    case REJECTED, CANCELLED -> {
                        if (ledger.refundIfDeducted(request)) {
                            refunded++;
                        }
                    }
                    case APPROVED -> {
                        // Consistent: the deduction belongs to the approval.
                    }
                }
            }
        }
        int released = releaseAbandonedBookings(cutoff);
        if (completed + refunded + released > 0) {
            LOG.infof("Leave recovery completed %d approvals, refunded %d deductions, released %d day bookings",
                    completed, refunded, released);
        }
        return new RecoveryReport(completed, refunded, released);
    }

    /** Days booked for a request that was never stored, or was rejected/cancelled before its days were freed. */
    private int releaseAbandonedBookings(Instant cutoff) {
        int released = 0;
        for (LeaveDayBookings bookings : profiles.withLeaveDayBookings(BATCH)) {
            for (Map.Entry<String, Instant> booking : bookings.bookedAtByRequest().entrySet()) {
                if (!booking.getValue().isBefore(cutoff)) {
                    continue;
                }
                boolean stillActive = requests.findById(booking.getKey())
                        .map(r -> r.status() == LeaveStatus.PENDING || r.status() == LeaveStatus.APPROVED)
                        .orElse(false);
                if (!stillActive && profiles.releaseLeaveDays(bookings.employeeId(), booking.getKey())) {
                    released++;
                }
            }
        }
        return released;
    }

    public record RecoveryReport(int approvalsCompleted, int deductionsRefunded, int dayBookingsReleased) {
    }
}
