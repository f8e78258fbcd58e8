package com.misty.payroll.rest;

import com.misty.payroll.domain.EmployeeDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Request bodies of the employee endpoints. */
public final class EmployeeRequests {

    private EmployeeRequests() {
    }

    public record CreateEmployee(
            @NotBlank @Size(max = 100) String userId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String managerUserId,
            @NotNull @DecimalMin("0") @Digits(integer = 7, fraction = 4) BigDecimal hourlyRate,
            @NotNull @DecimalMin("0") @DecimalMax("168") @Digits(integer = 3, fraction = 2) BigDecimal standardWeeklyHours,
            @NotNull @Valid LeaveBalancesBody leaveBalances,
            Boolean active) {

        EmployeeDetails details() {
            return new EmployeeDetails(name, managerUserId, hourlyRate, standardWeeklyHours, leaveBalances.toMap(),
                    active == null || active);
        }
    }

    /** A full replacement of the editable fields, based on {@code version}. */
    public record UpdateEmployee(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String managerUserId,
            @NotNull @DecimalMin("0") @Digits(integer = 7, fraction = 4) BigDecimal hourlyRate,
            @NotNull @DecimalMin("0") @DecimalMax("168") @Digits(integer = 3, fraction = 2) BigDecimal standardWeeklyHours,
            @NotNull @Valid LeaveBalancesBody leaveBalances,
            @NotNull Boolean active,
            @NotNull @PositiveOrZero Long version) {

        EmployeeDetails details() {
            return new EmployeeDetails(name, managerUserId, hourlyRate, standardWeeklyHours, leaveBalances.toMap(),
                    active);
        }
    }
}
