package com.misty.payroll.service;

import com.misty.payroll.config.PayrollConfig;
import com.misty.platform.lifecycle.PollingWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;

/** Runs the recovery passes at startup and then periodically, so a half-done approval never stays half done. */
@ApplicationScoped
public class RecoveryTimer {

    private final PayrollConfig config;
    private final LeaveRecovery leaveRecovery;
    private final TimesheetRecovery timesheetRecovery;
    private final PollingWorker worker;

    public RecoveryTimer(PayrollConfig config, LeaveRecovery leaveRecovery, TimesheetRecovery timesheetRecovery) {
        this.config = config;
        this.leaveRecovery = leaveRecovery;
        this.timesheetRecovery = timesheetRecovery;
        // A failed pass is logged by the worker; the next one retries.
        this.worker = PollingWorker.every("payroll-recovery", config.recovery().interval(), this::runOnce);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.recovery().enabled()) {
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop();
    }

    private void runOnce() {
        Instant cutoff = Instant.now().minus(config.recovery().grace());
        leaveRecovery.recover(cutoff);
        timesheetRecovery.recover(cutoff);
    }
}
