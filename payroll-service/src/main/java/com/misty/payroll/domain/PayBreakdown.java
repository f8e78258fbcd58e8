package com.misty.payroll.domain;

import java.math.BigDecimal;

/** The result of {@link PayCalculator}: hours split at the standard week, each line rounded to cents. */
public record PayBreakdown(BigDecimal totalHours, BigDecimal regularHours, BigDecimal overtimeHours,
                           BigDecimal regularPay, BigDecimal overtimePay, BigDecimal grossPay) {
}
