package com.misty.payroll.repository;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;

/** Creates the collections' indexes at startup; creating an existing index is a no-op, so restarts are safe. */
@ApplicationScoped
public class PayrollDatabaseSetup {

    private final EmployeeProfileRepository profiles;
    private final LeaveRequestRepository leaveRequests;
    private final TimesheetRepository timesheets;
    private final PayrollCalculationRepository calculations;

    public PayrollDatabaseSetup(EmployeeProfileRepository profiles, LeaveRequestRepository leaveRequests,
                                TimesheetRepository timesheets, PayrollCalculationRepository calculations) {
        this.profiles = profiles;
        this.leaveRequests = leaveRequests;
        this.timesheets = timesheets;
        this.calculations = calculations;
    }

    // Runs before anything else observes startup (the unique indexes are load-bearing for correctness).
    void onStart(@Observes @Priority(1) StartupEvent event) {
        profiles.createIndexes();
        leaveRequests.createIndexes();
        timesheets.createIndexes();
        calculations.createIndexes();
    }
}
