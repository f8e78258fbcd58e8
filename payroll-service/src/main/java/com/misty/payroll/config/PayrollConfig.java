package com.misty.payroll.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

/** {@code misty.payroll.*}: pay rules and the recovery pass that completes half-done approvals. */
@ConfigMapping(prefix = "misty.payroll")
public interface PayrollConfig {

    /** Pay for hours beyond the standard week is the hourly rate times this. */
    @WithDefault("1.5")
    BigDecimal overtimeMultiplier();

    /** Standard week of a profile stub created from a UserCreated event. */
    @WithDefault("40")
    BigDecimal defaultStandardWeeklyHours();

    /** Timesheets above this many hours in one week are refused (400 WEEKLY_HOURS_EXCEEDED). */
    @WithDefault("80")
    BigDecimal maxWeeklyHours();

    Recovery recovery();

    interface Recovery {

        @WithDefault("true")
        boolean enabled();

        /** How often the pass runs (it also runs once at startup). */
        @WithDefault("60s")
        Duration interval();

        /**
         * Half-done work younger than this is left alone: it most likely belongs to a request still in flight,
         * which will finish it itself. Must be longer than any request takes.
         */
        @WithDefault("30s")
        Duration grace();
    }
}
