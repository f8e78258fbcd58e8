package com.misty.payroll.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Hours worked on one day of the timesheet's week. */
public record TimesheetEntry(LocalDate date, BigDecimal hours, String notes) {
}
