package com.misty.payroll.service;

import com.misty.payroll.domain.EmployeeProfile;
import com.misty.payroll.domain.LeaveRequest;
import com.misty.payroll.domain.OriginalPayrollMapping;
import com.misty.payroll.domain.Timesheet;
import com.misty.payroll.repository.EmployeeProfileRepository;
import com.misty.payroll.repository.LeaveRequestRepository;
import com.misty.payroll.repository.TimesheetRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports the original system's payroll records one at a time, profiles first (leave and timesheets refer to
 * them): each is stored under its own id or found present, so a second run changes nothing and an interrupted one
 * is completed by the next. No events: the original already did what they would announce (balances are imported
 * as they stand, approved leave already deducted). A dry run decides the same way and writes nothing.
 */
@ApplicationScoped
public class PayrollImportService {

    public enum Outcome { IMPORTED, ALREADY_PRESENT, REJECTED }

    public record RecordOutcome(String collection, String id, Outcome outcome, String reason) {
    }

    public record Batch(List<Map<String, Object>> employees, List<Map<String, Object>> leaveRequests,
                        List<Map<String, Object>> timesheets, Map<String, String> balanceFields, boolean dryRun) {
    }

    private final EmployeeProfileRepository profiles;
    private final LeaveRequestRepository leaves;
    private final TimesheetRepository timesheets;

    public PayrollImportService(EmployeeProfileRepository profiles, LeaveRequestRepository leaves,
                                TimesheetRepository timesheets) {
        this.profiles = profiles;
        this.leaves = leaves;
        this.timesheets = timesheets;
    }

    public List<RecordOutcome> importBatch(Batch batch) {
        OriginalPayrollMapping mapping = new OriginalPayrollMapping(batch.balanceFields(),
                employeeId -> profiles.findProfile(employeeId).map(EmployeeProfile::userId).orElse(null));
        Instant now = Instant.now();
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (Map<String, Object> record : batch.employees()) {
            OriginalPayrollMapping.Mapped<EmployeeProfile> mapped = mapping.profile(record, now);
            outcomes.add(mapped.value() == null ? rejected("employee_profiles", mapped)
                    : storeProfile(mapped.value(), batch.dryRun()));
        }
        for (Map<String, Object> record : batch.leaveRequests()) {
            OriginalPayrollMapping.Mapped<LeaveRequest> mapped = mapping.leave(record, now);
            LeaveRequest request = mapped.value();
            outcomes.add(request == null ? rejected("leave_requests", mapped) : outcome("leave_requests", request.id(),
                    batch.dryRun() ? !leaves.exists(request.id()) : leaves.insertImported(request)));
        }
        for (Map<String, Object> record : batch.timesheets()) {
            OriginalPayrollMapping.Mapped<Timesheet> mapped = mapping.timesheet(record, now);
            Timesheet sheet = mapped.value();
            outcomes.add(sheet == null ? rejected("timesheets", mapped) : outcome("timesheets", sheet.id(),
                    batch.dryRun() ? !timesheets.existsForImport(sheet.id(), sheet.employeeId(), sheet.week())
                            : timesheets.insertImported(sheet)));
        }
        return outcomes;
    }

    private RecordOutcome storeProfile(EmployeeProfile profile, boolean dryRun) {
        if (dryRun) {
            return outcome("employee_profiles", profile.id(), !profiles.existsForImport(profile.id(), profile.userId()));
        }
        Optional<String> present = profiles.insertImported(profile);
        if (present.isPresent() && !present.get().equals(profile.id())) {
            // Another profile holds the user (e.g. a stub made from UserCreated): references to this id would break.
            return new RecordOutcome("employee_profiles", profile.id(), Outcome.REJECTED, "user " + profile.userId()
                    + " already has the profile " + present.get() + " (import payroll before auth users)");
        }
        return outcome("employee_profiles", profile.id(), present.isEmpty());
    }

    private static RecordOutcome outcome(String collection, String id, boolean stored) {
        return new RecordOutcome(collection, id, stored ? Outcome.IMPORTED : Outcome.ALREADY_PRESENT, null);
    }

    private static RecordOutcome rejected(String collection, OriginalPayrollMapping.Mapped<?> mapped) {
        return new RecordOutcome(collection, mapped.id(), Outcome.REJECTED, mapped.rejection());
    }
}
