package com.misty.payroll.service;

import com.misty.payroll.config.PayrollConfig;
import com.misty.payroll.service.LeaveRecovery;
import com.misty.payroll.service.TimesheetRecovery;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the recovery passes at startup and then periodically, so a half-done approval never stays half done. */
@ApplicationScoped
public class RecoveryTimer {

    private static final Logger LOG = Logger.getLogger(RecoveryTimer.class);

    private final PayrollConfig config;
    private final LeaveRecovery leaveRecovery;
    private final TimesheetRecovery timesheetRecovery;
    private ScheduledExecutorService executor;

    public RecoveryTimer(PayrollConfig config, LeaveRecovery leaveRecovery, TimesheetRecovery timesheetRecovery) {
        this.config = config;
        this.leaveRecovery = leaveRecovery;
        this.timesheetRecovery = timesheetRecovery;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.recovery().enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "payroll-recovery");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.recovery().interval().toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, 0, interval, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void runOnce() {
        Instant cutoff = Instant.now().minus(config.recovery().grace());
        try {
            leaveRecovery.recover(cutoff);
            timesheetRecovery.recover(cutoff);
        } catch (RuntimeException e) {
            // The next pass retries; a failure here must not end the schedule.
            LOG.warnf("Recovery pass failed: %s", e.getMessage());
        }
    }
}
