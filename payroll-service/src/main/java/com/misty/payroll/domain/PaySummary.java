package com.misty.payroll.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Totals of one employee's calculations whose week starts within [from, to]. */
public record PaySummary(String employeeId, LocalDate from, LocalDate to, int calculations, BigDecimal totalHours,
                         BigDecimal regularHours, BigDecimal overtimeHours, BigDecimal regularPay,
                         BigDecimal overtimePay, BigDecimal grossPay) {
}
