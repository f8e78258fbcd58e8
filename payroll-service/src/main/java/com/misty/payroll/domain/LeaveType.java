package com.misty.payroll.domain;

/** Kinds of leave; unpaid leave is taken without a balance, the others are deducted in hours. */
public enum LeaveType {
    ANNUAL, SICK, PERSONAL, UNPAID;

    public boolean hasBalance() {
        return this != UNPAID;
    }
}
