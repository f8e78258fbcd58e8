package com.misty.payroll.service;

import com.misty.payroll.domain.PayrollProblems;
import com.misty.payroll.domain.Access;
import com.misty.payroll.domain.Actor;
import com.misty.payroll.domain.EmployeeProfile;
import com.misty.payroll.domain.PaySummary;
import com.misty.payroll.domain.PayrollCalculation;
import com.misty.payroll.repository.EmployeeProfileRepository;
import com.misty.payroll.repository.PayrollCalculationRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** Reading calculations and pay summaries; employees read only their own. */
@ApplicationScoped
public class PayrollQueries {

    private static final int SUMMARY_LIMIT = 10_000;

    private final PayrollCalculationRepository calculations;
    private final EmployeeProfileRepository profiles;

    public PayrollQueries(PayrollCalculationRepository calculations, EmployeeProfileRepository profiles) {
        this.calculations = calculations;
        this.profiles = profiles;
    }

    public List<PayrollCalculation> list(Actor actor, String employeeId, String timesheetId, LocalDate from,
                                         LocalDate to, int limit) {
        checkPeriod(from, to);
        String scope = employeeId;
        if (!actor.isSupervisor()) {
            EmployeeProfile own = profiles.findByUserId(actor.userId()).orElseThrow(
                    PayrollProblems::noOwnProfile);
            if (employeeId != null && !employeeId.equals(own.id())) {
                throw PayrollProblems.notOwnRecord();
            }
            scope = own.id();
        }
        return calculations.list(scope, timesheetId, from, to, limit);
    }

    public PayrollCalculation get(Actor actor, String id) {
        PayrollCalculation calc = calculations.findCalculation(id)
                .orElseThrow(() -> PayrollProblems.calculationNotFound(id));
        Access.requireOwnerOrSupervisor(actor, calc.employeeUserId());
        return calc;
    }

    /** Totals of the employee's calculations whose week starts in [from, to]. */
    public PaySummary summary(Actor actor, String employeeId, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        EmployeeProfile profile = profiles.findProfile(employeeId)
                .orElseThrow(() -> PayrollProblems.employeeNotFound(employeeId));
        Access.requireOwnerOrSupervisor(actor, profile.userId());
        List<PayrollCalculation> all = calculations.list(employeeId, null, from, to, SUMMARY_LIMIT);
        return new PaySummary(employeeId, from, to, all.size(), sum(all, PayrollCalculation::totalHours),
                sum(all, PayrollCalculation::regularHours), sum(all, PayrollCalculation::overtimeHours),
                sum(all, PayrollCalculation::regularPay), sum(all, PayrollCalculation::overtimePay),
                sum(all, PayrollCalculation::grossPay));
    }

    private static BigDecimal sum(List<PayrollCalculation> all, Function<PayrollCalculation, BigDecimal> field) {
        return all.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw PayrollProblems.toBeforeFrom();
        }
    }
}
