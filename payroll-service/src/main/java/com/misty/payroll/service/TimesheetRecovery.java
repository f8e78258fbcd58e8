package com.misty.payroll.service;

import com.misty.payroll.domain.PayrollCalculation;
import com.misty.payroll.domain.Timesheet;
import com.misty.payroll.repository.PayrollCalculationRepository;
import com.misty.payroll.repository.TimesheetRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Finishes approvals a crash interrupted: an approved timesheet with no recorded calculation gets its one
 * calculation (idempotent insert), or returns to SUBMITTED if pay cannot be calculated.
 */
@ApplicationScoped
public class TimesheetRecovery {

    private static final int BATCH = 500;

    private final TimesheetRepository timesheets;
    private final PayrollCalculationRepository calculations;
    private final PayCalculationService payCalculation;
    private final TimesheetService timesheetService;

    public TimesheetRecovery(TimesheetRepository timesheets, PayrollCalculationRepository calculations,
                             PayCalculationService payCalculation, TimesheetService timesheetService) {
        this.timesheets = timesheets;
        this.calculations = calculations;
        this.payCalculation = payCalculation;
        this.timesheetService = timesheetService;
    }

    /** @return how many approved sheets got their calculation recorded */
    public int recover(Instant cutoff) {
        int recorded = 0;
        for (Timesheet sheet : timesheets.approvedWithoutCalculation(cutoff, BATCH)) {
            PayrollCalculation calculation = calculations.findByTimesheetId(sheet.id()).orElse(null);
            if (calculation == null) {
                try {
                    calculation = payCalculation.calculate(sheet, sheet.approvedBy());
                } catch (RuntimeException e) {
                    timesheetService.revertUnlessCalculated(sheet.id(), e);
                    continue;
                }
            }
            timesheets.markCalculated(sheet.id(), calculation.id());
            recorded++;
        }
        return recorded;
    }
}
