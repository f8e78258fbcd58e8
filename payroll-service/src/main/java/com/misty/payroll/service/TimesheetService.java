package com.misty.payroll.service;

import com.misty.payroll.domain.PayrollProblems;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.payroll.TimesheetRejected;
import com.misty.contracts.payroll.TimesheetSubmitted;
import com.misty.payroll.domain.Access;
import com.misty.payroll.domain.Actor;
import com.misty.payroll.domain.EmployeeProfile;
import com.misty.payroll.domain.IsoWeek;
import com.misty.payroll.domain.PayrollCalculation;
import com.misty.payroll.domain.Timesheet;
import com.misty.payroll.domain.TimesheetEntry;
import com.misty.payroll.domain.TimesheetRules;
import com.misty.payroll.domain.TimesheetStatus;
import com.misty.payroll.repository.EmployeeProfileRepository;
import com.misty.payroll.repository.PayrollCalculationRepository;
import com.misty.payroll.repository.TimesheetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import com.misty.payroll.config.PayrollConfig;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Timesheets from draft to approval. Approval is a guarded SUBMITTED → APPROVED (exactly one manager wins),
 * then the calculation, whose insert is idempotent (unique per timesheet). If the calculation fails the sheet
 * returns to SUBMITTED, as in the original system; if the process dies in between, {@link TimesheetRecovery}
 * finishes it.
 */
@ApplicationScoped
public class TimesheetService {

    private static final Logger LOG = Logger.getLogger(TimesheetService.class);

    private final TimesheetRepository timesheets;
    private final EmployeeProfileRepository profiles;
    private final PayrollCalculationRepository calculations;
    private final PayCalculationService payCalculation;
    private final BigDecimal maxWeeklyHours;

    public TimesheetService(TimesheetRepository timesheets, EmployeeProfileRepository profiles,
                            PayrollCalculationRepository calculations, PayCalculationService payCalculation,
                            PayrollConfig config) {
        this.timesheets = timesheets;
        this.profiles = profiles;
        this.calculations = calculations;
        this.payCalculation = payCalculation;
        this.maxWeeklyHours = config.maxWeeklyHours();
    }

    public Timesheet create(Actor actor, String employeeId, String weekText, List<TimesheetEntry> entries) {
        IsoWeek week = IsoWeek.parse(weekText);
        TimesheetRules.checkEntries(week, entries, maxWeeklyHours);
        EmployeeProfile profile = profileFor(actor, employeeId);
        requireActive(profile);
        Timesheet sheet = new Timesheet(UUID.randomUUID().toString(), profile.id(), profile.userId(), week.toString(),
                List.copyOf(entries), TimesheetStatus.DRAFT, 1L, Instant.now(), null, null, null, null, null,
                actor.userId(), null);
        timesheets.insert(sheet);
        return sheet;
    }

    public Timesheet get(Actor actor, String id) {
        Timesheet sheet = find(id);
        Access.requireOwnerOrSupervisor(actor, sheet.employeeUserId());
        return sheet;
    }

    public List<Timesheet> list(Actor actor, String employeeId, TimesheetStatus status, String week, int limit) {
        if (week != null) {
            IsoWeek.parse(week);
        }
        String scope = employeeId;
        if (!actor.isSupervisor()) {
            EmployeeProfile own = profileFor(actor, null);
            if (employeeId != null && !employeeId.equals(own.id())) {
                throw PayrollProblems.notOwnRecord();
            }
            scope = own.id();
        }
        return timesheets.list(scope, status, week, limit);
    }

    /** Replaces a draft's entries on the version the caller saw. */
    public Timesheet editEntries(Actor actor, String id, long expectedVersion, List<TimesheetEntry> entries) {
        Timesheet sheet = get(actor, id);
        TimesheetRules.checkEntries(IsoWeek.parse(sheet.week()), entries, maxWeeklyHours);
        return timesheets.replaceEntries(id, expectedVersion, List.copyOf(entries)).orElseThrow(() -> {
            Timesheet current = find(id);
            if (current.status() != TimesheetStatus.DRAFT) {
                return PayrollProblems.timesheetNotIn(current.status(), "Only a draft timesheet can be edited");
            }
            return PayrollProblems.staleTimesheet(current.version());
        });
    }

    public Timesheet submit(Actor actor, String id) {
        Timesheet sheet = get(actor, id);
        requireActive(profiles.findProfile(sheet.employeeId())
                .orElseThrow(() -> PayrollProblems.employeeNotFound(sheet.employeeId())));
        return timesheets.markSubmitted(id, actor.userId(), Instant.now(), EventEnvelope.of(id, actor.userId(),
                        new TimesheetSubmitted(id, sheet.employeeId(), sheet.employeeUserId(), sheet.week())))
                .orElseThrow(() -> PayrollProblems.timesheetNotIn(find(id).status(), "Only a draft timesheet can be submitted"));
    }

    /** @return the approved sheet and its (single) calculation */
    public Approval approve(Actor actor, String id) {
        Access.requireSupervisor(actor);
        Timesheet sheet = find(id);
        Access.requireNotOwner(actor, sheet.employeeUserId(), "timesheet");
        Access.requireNotPreparer(actor, sheet.createdBy(), "timesheet");
        Access.requireNotPreparer(actor, sheet.submittedBy(), "timesheet");
        Timesheet approved = timesheets.markApproved(id, actor.userId(), Instant.now()).orElseThrow(() -> {
            Timesheet current = find(id);
            if (current.status() == TimesheetStatus.SUBMITTED) {
                // Resubmitted by this very approver in between: the guard in the update refused it.
                Access.requireNotPreparer(actor, current.submittedBy(), "timesheet");
            }
            return current.status() == TimesheetStatus.APPROVED
                    ? PayrollProblems.timesheetAlreadyApproved()
                    : PayrollProblems.timesheetNotIn(current.status(), "Only a submitted timesheet can be approved");
        });
        PayrollCalculation calculation;
        try {
            calculation = payCalculation.calculate(approved, actor.userId());
        } catch (RuntimeException e) {
            revertUnlessCalculated(id, e);
            throw e;
        }
        timesheets.markCalculated(id, calculation.id());
        return new Approval(approved, calculation);
    }

    public Timesheet reject(Actor actor, String id, String reason) {
        Access.requireSupervisor(actor);
        Timesheet sheet = find(id);
        Access.requireNotOwner(actor, sheet.employeeUserId(), "timesheet");
        return timesheets.markRejected(id, actor.userId(), reason, EventEnvelope.of(id, actor.userId(),
                        new TimesheetRejected(id, sheet.employeeId(), sheet.employeeUserId(), sheet.week(), reason,
                                actor.userId())))
                .orElseThrow(() -> {
                    Timesheet current = find(id);
                    return current.status() == TimesheetStatus.APPROVED
                            ? PayrollProblems.timesheetAlreadyApproved()
                            : PayrollProblems.timesheetNotIn(current.status(), "Only a submitted timesheet can be rejected");
                });
    }

    /** The original's rollback, made safe: never un-approve a sheet whose calculation did get stored. */
    public void revertUnlessCalculated(String id, RuntimeException cause) {
        if (calculations.findByTimesheetId(id).isPresent()) {
            return;
        }
        if (timesheets.revertApproval(id)) {
            LOG.warnf("Timesheet %s returned to SUBMITTED: %s", id, cause.getMessage());
        }
    }

    public record Approval(Timesheet timesheet, PayrollCalculation calculation) {
    }

    private static void requireActive(EmployeeProfile profile) {
        if (!profile.active()) {
            throw PayrollProblems.employeeInactive(profile.id());
        }
    }

    private Timesheet find(String id) {
        return timesheets.findTimesheet(id).orElseThrow(() -> PayrollProblems.timesheetNotFound(id));
    }

    private EmployeeProfile profileFor(Actor actor, String employeeId) {
        return ProfileAccess.resolve(profiles, actor, employeeId);
    }
}
