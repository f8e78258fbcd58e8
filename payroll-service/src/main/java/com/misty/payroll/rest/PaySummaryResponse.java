package com.misty.payroll.rest;

import com.misty.payroll.domain.PaySummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Totals of one employee's calculations whose week starts within [from, to]. */
@Schema(name = "PaySummary")
public record PaySummaryResponse(String employeeId, LocalDate from, LocalDate to, int calculations,
                                 BigDecimal totalHours, BigDecimal regularHours, BigDecimal overtimeHours,
                                 BigDecimal regularPay, BigDecimal overtimePay, BigDecimal grossPay) {

    static PaySummaryResponse of(PaySummary s) {
        return new PaySummaryResponse(s.employeeId(), s.from(), s.to(), s.calculations(), s.totalHours(),
                s.regularHours(), s.overtimeHours(), s.regularPay(), s.overtimePay(), s.grossPay());
    }
}
