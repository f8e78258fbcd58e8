package com.misty.payroll.service;

import com.misty.payroll.domain.EmployeeProfile;
import com.misty.payroll.domain.LeaveDeduction;
import com.misty.payroll.domain.LeaveRequest;
import com.misty.payroll.domain.LeaveStatus;
import com.misty.payroll.repository.EmployeeProfileRepository;
import com.misty.payroll.repository.LeaveRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * Finishes leave work that a crash interrupted between its single-document steps. A deduction stays
 * "unsettled" on the profile until its approval is seen complete; one older than the grace period means its
 * approver is gone: if the request is still PENDING the approval is completed (the approver's intent, already
 * paid for); if it was rejected or cancelled the hours are refunded; if it is approved it is just settled.
 * A cancelled approval whose request still says {@code refund_due} gets its refund.
 * Every step is idempotent, so running this concurrently with live requests or on several replicas is safe.
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
        for (EmployeeProfile profile : profiles.withUnsettledDeductions(BATCH)) {
            for (String requestId : profile.unsettledLeaveRequests()) {
                Optional<LeaveDeduction> deduction = profile.leaveDeductions().stream()
                        .filter(d -> d.requestId().equals(requestId)).findFirst();
                if (deduction.isEmpty()) {
                    profiles.settleDeduction(profile.id(), requestId);
                    continue;
                }
                if (deduction.get().at() != null && !deduction.get().at().isBefore(cutoff)) {
                    continue;
                }
                LeaveRequest request = requests.findRequest(requestId).orElse(null);
                if (request == null) {
                    LOG.warnf("Profile %s has a deduction for unknown leave request %s", profile.id(), requestId);
                    continue;
                }
                switch (request.status()) {
                    case PENDING -> {
                        if (leaves.markApproved(request, deduction.get().approvedBy()).isPresent()) {
                            completed++;
                        }
                        // Approved now, by us or by a manager in between: the deduction belongs to it.
                        if (requests.findRequest(requestId).map(r -> r.status() == LeaveStatus.APPROVED).orElse(false)) {
                            profiles.settleDeduction(profile.id(), requestId);
                        }
                    }
                    case APPROVED -> profiles.settleDeduction(profile.id(), requestId);
                    case REJECTED, CANCELLED -> {
                        if (ledger.refundIfDeducted(request)) {
                            refunded++;
                        }
                    }
                    // Nobody can tell whether the hours are owed: leave them deducted and say so.
                    case UNRECOGNISED -> LOG.warnf("Profile %s has a deduction for leave request %s in a status this "
                            + "build does not know; left as it is", profile.id(), requestId);
                }
            }
        }
        // A cancelled approval records "refund due" with the cancel itself; finish refunds a crash interrupted.
        for (LeaveRequest request : requests.refundsDue(cutoff, BATCH)) {
            if (ledger.refundIfDeducted(request)) {
                refunded++;
            }
            requests.clearRefundDue(request.id());
        }
        if (completed + refunded > 0) {
            LOG.infof("Leave recovery completed %d approvals and refunded %d deductions", completed, refunded);
        }
        return new RecoveryReport(completed, refunded);
    }

    public record RecoveryReport(int approvalsCompleted, int deductionsRefunded) {
    }
}
