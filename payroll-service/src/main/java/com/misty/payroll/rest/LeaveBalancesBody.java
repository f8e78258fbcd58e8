package com.misty.payroll.rest;

import com.misty.payroll.domain.LeaveType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** Leave balances in hours; unpaid leave has none. */
public record LeaveBalancesBody(
        @NotNull @DecimalMin("0") @Digits(integer = 5, fraction = 2) BigDecimal annual,
        @NotNull @DecimalMin("0") @Digits(integer = 5, fraction = 2) BigDecimal sick,
        @NotNull @DecimalMin("0") @Digits(integer = 5, fraction = 2) BigDecimal personal) {

    Map<LeaveType, BigDecimal> toMap() {
        Map<LeaveType, BigDecimal> map = new EnumMap<>(LeaveType.class);
        map.put(LeaveType.ANNUAL, annual);
        map.put(LeaveType.SICK, sick);
        map.put(LeaveType.PERSONAL, personal);
        return map;
    }

    static LeaveBalancesBody of(Map<LeaveType, BigDecimal> balances) {
        return new LeaveBalancesBody(balances.get(LeaveType.ANNUAL), balances.get(LeaveType.SICK),
                balances.get(LeaveType.PERSONAL));
    }
}
