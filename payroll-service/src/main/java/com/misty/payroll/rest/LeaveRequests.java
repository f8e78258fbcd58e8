package com.misty.payroll.rest;

import com.misty.payroll.domain.LeaveType;
import com.misty.payroll.domain.NewLeaveRequest;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies of the leave endpoints. */
public final class LeaveRequests {

    private LeaveRequests() {
    }

    /** {@code employee_id} may be omitted: the caller's own profile. */
    public record CreateLeave(
            @Size(max = 100) String employeeId,
            @NotNull LeaveType leaveType,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotNull @Digits(integer = 4, fraction = 2) BigDecimal hours,
            @Size(max = 1000) String reason) {

        NewLeaveRequest toNew() {
            return new NewLeaveRequest(employeeId, leaveType, startDate, endDate, hours, reason);
        }
    }

    public record Rejection(@NotBlank @Size(max = 1000) String reason) {
    }
}
