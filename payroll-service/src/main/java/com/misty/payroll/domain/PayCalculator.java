package com.misty.payroll.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Weekly pay: hours up to the standard week at the hourly rate, hours beyond it at rate × multiplier.
 * Each pay line is rounded half-up to cents and gross is their sum, so a payslip's lines always add up.
 * All arithmetic is {@link BigDecimal}: money never passes through floating point.
 */
public final class PayCalculator {

    private PayCalculator() {
    }

    public static PayBreakdown calculate(BigDecimal totalHours, BigDecimal hourlyRate, BigDecimal standardWeeklyHours,
                                         BigDecimal overtimeMultiplier) {
        if (totalHours.signum() < 0 || hourlyRate.signum() < 0 || standardWeeklyHours.signum() < 0
                || overtimeMultiplier.signum() < 0) {
            throw new IllegalArgumentException("Pay inputs must not be negative");
        }
        BigDecimal regularHours = totalHours.min(standardWeeklyHours);
        BigDecimal overtimeHours = totalHours.subtract(regularHours);
        BigDecimal regularPay = cents(regularHours.multiply(hourlyRate));
        BigDecimal overtimePay = cents(overtimeHours.multiply(hourlyRate).multiply(overtimeMultiplier));
        return new PayBreakdown(totalHours, regularHours, overtimeHours, regularPay, overtimePay,
                regularPay.add(overtimePay));
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
