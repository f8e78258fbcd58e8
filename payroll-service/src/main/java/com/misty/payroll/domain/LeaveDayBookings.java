package com.misty.payroll.domain;

import java.time.Instant;
import java.util.Map;

/** The leave requests that hold booked days on one profile, with when each booking was made. */
public record LeaveDayBookings(String employeeId, Map<String, Instant> bookedAtByRequest) {
}
