package com.misty.payroll.rest;

import com.misty.payroll.domain.TimesheetEntry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the timesheet endpoints. */
public final class TimesheetRequests {

    private TimesheetRequests() {
    }

    public record Entry(
            @NotNull LocalDate date,
            @NotNull @DecimalMin("0") @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hours,
            @Size(max = 500) String notes) {

        TimesheetEntry toEntry() {
            return new TimesheetEntry(date, hours, notes);
        }
    }

    /** {@code employee_id} may be omitted: the caller's own profile. */
    public record CreateTimesheet(
            @Size(max = 100) String employeeId,
            @NotBlank @Size(max = 10) String week,
            @NotNull @Size(max = 7) List<@NotNull @Valid Entry> entries) {

        List<TimesheetEntry> toEntries() {
            return entries.stream().map(Entry::toEntry).toList();
        }
    }

    /** Replaces a draft's entries, based on {@code version}. */
    public record EditTimesheet(
            @NotNull @Size(max = 7) List<@NotNull @Valid Entry> entries,
            @NotNull @PositiveOrZero Long version) {

        List<TimesheetEntry> toEntries() {
            return entries.stream().map(Entry::toEntry).toList();
        }
    }

    public record Rejection(@NotBlank @Size(max = 1000) String reason) {
    }
}
