package com.misty.payroll.service;

import com.misty.payroll.domain.PayrollProblems;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.payroll.PayrollCalculated;
import com.misty.contracts.payroll.TimesheetApproved;
import com.misty.payroll.config.PayrollConfig;
import com.misty.payroll.domain.EmployeeProfile;
import com.misty.payroll.domain.IsoWeek;
import com.misty.payroll.domain.PayBreakdown;
import com.misty.payroll.domain.PayCalculator;
import com.misty.payroll.domain.PayrollCalculation;
import com.misty.payroll.domain.Timesheet;
import com.misty.payroll.repository.EmployeeProfileRepository;
import com.misty.payroll.repository.PayrollCalculationRepository;
import com.misty.platform.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Computes and stores the one calculation of an approved timesheet (idempotent: unique per timesheet). */
@ApplicationScoped
public class PayCalculationService {

    private final EmployeeProfileRepository profiles;
    private final PayrollCalculationRepository calculations;
    private final PayrollConfig config;

    public PayCalculationService(EmployeeProfileRepository profiles, PayrollCalculationRepository calculations,
                                 PayrollConfig config) {
        this.profiles = profiles;
        this.calculations = calculations;
        this.config = config;
    }

    /**
     * @return the timesheet's calculation: stored now, or the one stored before
     * @throws DomainException 409 CALCULATION_FAILED when the profile lacks what pay needs
     */
    public PayrollCalculation calculate(Timesheet sheet, String calculatedBy) {
        EmployeeProfile profile = profiles.findProfile(sheet.employeeId()).orElseThrow(() -> PayrollProblems.calculationFailed(
                "the employee profile " + sheet.employeeId() + " does not exist"));
        if (profile.hourlyRate() == null) {
            throw PayrollProblems.calculationFailed("the employee has no hourly rate yet");
        }
        if (profile.standardWeeklyHours() == null) {
            throw PayrollProblems.calculationFailed("the employee has no standard weekly hours");
        }
        IsoWeek week = IsoWeek.parse(sheet.week());
        PayBreakdown pay = PayCalculator.calculate(sheet.totalHours(), profile.hourlyRate(),
                profile.standardWeeklyHours(), config.overtimeMultiplier());
        PayrollCalculation calc = new PayrollCalculation(UUID.randomUUID().toString(), sheet.id(), sheet.employeeId(),
                sheet.employeeUserId(), sheet.week(), week.monday(), week.sunday(), pay.totalHours(),
                pay.regularHours(), pay.overtimeHours(), profile.hourlyRate(), profile.standardWeeklyHours(),
                config.overtimeMultiplier(), pay.regularPay(), pay.overtimePay(), pay.grossPay(), calculatedBy,
                Instant.now());
        String approver = sheet.approvedBy() == null ? calculatedBy : sheet.approvedBy();
        // The approval is announced with its pay, so an approval rolled back for a failed calculation never leaks.
        List<EventEnvelope> events = List.of(
                EventEnvelope.of(sheet.id(), approver, new TimesheetApproved(sheet.id(), sheet.employeeId(),
                        sheet.employeeUserId(), sheet.week(), approver)),
                EventEnvelope.of(calc.id(), calculatedBy, new PayrollCalculated(calc.id(), sheet.id(),
                        sheet.employeeId(), sheet.employeeUserId(), calc.grossPay())));
        return calculations.insertOnce(calc, events);
    }
}
