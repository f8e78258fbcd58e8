package com.misty.payroll.service;

import com.misty.payroll.domain.PayrollProblems;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.payroll.LeaveApproved;
import com.misty.contracts.payroll.LeaveCancelled;
import com.misty.contracts.payroll.LeaveRejected;
import com.misty.contracts.payroll.LeaveRequested;
import com.misty.payroll.config.PayrollConfig;
import com.misty.payroll.domain.Access;
import com.misty.payroll.domain.Actor;
import com.misty.payroll.domain.EmployeeProfile;
import com.misty.payroll.domain.LeaveRequest;
import com.misty.payroll.domain.LeaveRules;
import com.misty.payroll.domain.LeaveStatus;
import com.misty.payroll.domain.LeaveType;
import com.misty.payroll.domain.NewLeaveRequest;
import com.misty.payroll.repository.EmployeeProfileRepository;
import com.misty.payroll.repository.LeaveRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Leave requests and their decisions. Approval is four single-document steps with no transaction: (1) the
 * deduction on the profile, keyed by the request and marked unsettled; (2) the guarded PENDING → APPROVED on the
 * request, which exactly one approver wins; (3) for a loser, undoing its deduction unless the request did end up
 * approved; (4) settling the deduction. Step 1 is idempotent, so a redo (another approver, a retry, or
 * {@link LeaveRecovery}, which finds unsettled deductions) completes an interrupted approval. The README walks
 * through the interleavings.
 */
@ApplicationScoped
public class LeaveService {

    private final LeaveRequestRepository requests;
    private final EmployeeProfileRepository profiles;
    private final LeaveBalanceLedger ledger;
    private final PayrollConfig config;

    public LeaveService(LeaveRequestRepository requests, EmployeeProfileRepository profiles, LeaveBalanceLedger ledger,
                        PayrollConfig config) {
        this.requests = requests;
        this.profiles = profiles;
        this.ledger = ledger;
        this.config = config;
    }

    public LeaveRequest create(Actor actor, NewLeaveRequest input) {
        LeaveRules.checkNewRequest(input.startDate(), input.endDate(), input.hours());
        EmployeeProfile profile = profileFor(actor, input.employeeId());
        if (!profile.active()) {
            throw PayrollProblems.employeeInactive(profile.id());
        }
        List<LeaveRequest> overlapping = requests.findActiveOverlapping(profile.id(), input.startDate(), input.endDate());
        if (!overlapping.isEmpty()) {
            throw PayrollProblems.overlappingLeave(overlapping.get(0).id());
        }
        Instant now = Instant.now();
        LeaveRequest request = new LeaveRequest(UUID.randomUUID().toString(), profile.id(), profile.userId(),
                input.leaveType(), input.startDate(), input.endDate(), input.hours(), input.reason(),
                LeaveStatus.PENDING, actor.userId(), now, null, null, null, null, null);
        bookDays(request);
        try {
            requests.insert(request, EventEnvelope.of(request.id(), actor.userId(),
                    new LeaveRequested(request.id(), profile.id(), profile.userId(), input.leaveType().name(),
                            input.startDate(), input.endDate(), input.hours())));
        } catch (RuntimeException e) {
            profiles.releaseLeaveDays(profile.id(), request.id());
            throw e;
        }
        return request;
    }

    public LeaveRequest get(Actor actor, String id) {
        LeaveRequest request = find(id);
        Access.requireOwnerOrSupervisor(actor, request.employeeUserId());
        return request;
    }

    /** Employees see only their own requests; supervisors filter freely. */
    public List<LeaveRequest> list(Actor actor, String employeeId, LeaveStatus status, LeaveType type,
                                   LocalDate from, LocalDate to, int limit) {
        String scope = employeeId;
        if (!actor.isSupervisor()) {
            EmployeeProfile own = profileFor(actor, null);
            if (employeeId != null && !employeeId.equals(own.id())) {
                throw PayrollProblems.notOwnRecord();
            }
            scope = own.id();
        }
        return requests.list(scope, status, type, from, to, limit);
    }

    public LeaveRequest approve(Actor actor, String id) {
        Access.requireSupervisor(actor);
        LeaveRequest request = find(id);
        Access.requireNotOwner(actor, request.employeeUserId(), "leave request");
        // requested_by never changes, so checking it here is as good as in the update.
        Access.requireNotPreparer(actor, request.requestedBy(), "leave request");
        if (request.status() != LeaveStatus.PENDING) {
            throw PayrollProblems.leaveAlreadyDecided();
        }
        if (request.leaveType().hasBalance()) {
            ledger.ensureDeducted(request, actor.userId());
        }
        Optional<LeaveRequest> approved = markApproved(request, actor.userId());
        if (approved.isEmpty()) {
            // Lost the race. If the request ended up rejected or cancelled, our deduction must not stay.
            undoDeductionUnlessApproved(id);
            throw PayrollProblems.leaveAlreadyDecided();
        }
        profiles.settleDeduction(request.employeeId(), id);
        return approved.get();
    }

    public LeaveRequest reject(Actor actor, String id, String reason) {
        Access.requireSupervisor(actor);
        LeaveRequest request = find(id);
        Access.requireNotOwner(actor, request.employeeUserId(), "leave request");
        Optional<LeaveRequest> rejected = requests.markRejected(id, actor.userId(), Instant.now(), reason,
                EventEnvelope.of(id, actor.userId(), new LeaveRejected(id, request.employeeId(),
                        request.employeeUserId(), reason, actor.userId())));
        if (rejected.isEmpty()) {
            throw PayrollProblems.leaveRejectionLost();
        }
        // An approver may have deducted just before we rejected; its hours go back (at most once).
        ledger.refundIfDeducted(rejected.get());
        profiles.releaseLeaveDays(request.employeeId(), id);
        return rejected.get();
    }

    /**
     * The employee cancels a pending request; a manager may also cancel an approved one, which refunds its
     * hours exactly once (the refund is keyed like the deduction).
     */
    public LeaveRequest cancel(Actor actor, String id) {
        LeaveRequest request = find(id);
        Access.requireOwnerOrSupervisor(actor, request.employeeUserId());
        LeaveStatus from = request.status();
        if (from == LeaveStatus.APPROVED) {
            Access.requireSupervisor(actor);
            Access.requireNotOwner(actor, request.employeeUserId(), "leave request");
        } else if (from != LeaveStatus.PENDING) {
            throw PayrollProblems.leaveClosed(from);
        }
        BigDecimal refunded = from == LeaveStatus.APPROVED && request.leaveType().hasBalance()
                ? request.hours() : BigDecimal.ZERO;
        boolean refundDue = refunded.signum() > 0;
        Optional<LeaveRequest> cancelled = requests.markCancelled(id, from, actor.userId(), Instant.now(), refundDue,
                EventEnvelope.of(id, actor.userId(), new LeaveCancelled(id, request.employeeId(),
                        request.employeeUserId(), refunded, actor.userId())));
        if (cancelled.isEmpty()) {
            throw PayrollProblems.leaveCancellationLost();
        }
        // For a pending request this returns hours an in-flight approver may have deducted.
        ledger.refundIfDeducted(cancelled.get());
        if (refundDue) {
            requests.clearRefundDue(id);
        }
        profiles.releaseLeaveDays(request.employeeId(), id);
        return cancelled.get();
    }

    /** PENDING → APPROVED with its event; shared by the approve endpoint and the recovery pass. */
    public Optional<LeaveRequest> markApproved(LeaveRequest request, String approvedBy) {
        return requests.markApproved(request.id(), approvedBy, Instant.now(),
                EventEnvelope.of(request.id(), approvedBy, new LeaveApproved(request.id(), request.employeeId(),
                        request.employeeUserId(), request.leaveType().name(), request.hours(), approvedBy)));
    }

    /**
     * Books the request's days on the profile; the query in {@link #create} gives a helpful answer, this
     * atomic booking is what keeps two racing requests from both passing. Bookings left behind by requests
     * that were rejected or cancelled (freeing interrupted) or never stored (create interrupted, older than
     * the grace period) are freed on the spot and the booking retried.
     */
    private void bookDays(LeaveRequest request) {
        List<LocalDate> days = request.startDate().datesUntil(request.endDate().plusDays(1)).toList();
        Instant abandonedBefore = Instant.now().minus(config.recovery().grace());
        for (int attempt = 0; attempt < 3; attempt++) {
            if (profiles.bookLeaveDays(request.employeeId(), request.id(), days, request.requestedAt())) {
                return;
            }
            boolean freed = false;
            for (Map.Entry<String, Instant> booking : profiles.bookingsOn(request.employeeId(), days).entrySet()) {
                Optional<LeaveRequest> holder = requests.findRequest(booking.getKey());
                boolean stale = holder.map(h -> h.status() == LeaveStatus.REJECTED || h.status() == LeaveStatus.CANCELLED)
                        .orElse(booking.getValue().isBefore(abandonedBefore));
                if (stale) {
                    freed |= profiles.releaseLeaveDays(request.employeeId(), booking.getKey());
                }
            }
            if (!freed) {
                break;
            }
        }
        throw PayrollProblems.daysBooked();
    }

    private void undoDeductionUnlessApproved(String id) {
        requests.findRequest(id)
                .filter(current -> current.status() == LeaveStatus.REJECTED || current.status() == LeaveStatus.CANCELLED)
                .ifPresent(ledger::refundIfDeducted);
    }

    private LeaveRequest find(String id) {
        return requests.findRequest(id).orElseThrow(() -> PayrollProblems.leaveRequestNotFound(id));
    }

    private EmployeeProfile profileFor(Actor actor, String employeeId) {
        return ProfileAccess.resolve(profiles, actor, employeeId);
    }
}
