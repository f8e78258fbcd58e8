package com.misty.payroll.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayCalculatorTest {

    private static final BigDecimal ONE_AND_A_HALF = new BigDecimal("1.5");

    private static PayBreakdown pay(String hours, String rate, String standard, String multiplier) {
        return PayCalculator.calculate(new BigDecimal(hours), new BigDecimal(rate), new BigDecimal(standard),
                new BigDecimal(multiplier));
    }

    @Test
    void hoursUpToTheStandardWeekArePaidAtTheRate() {
        PayBreakdown pay = pay("38", "25.50", "38", "1.5");
        assertThat(pay.regularHours()).isEqualByComparingTo("38");
        assertThat(pay.overtimeHours()).isEqualByComparingTo("0");
        assertThat(pay.regularPay()).isEqualTo(new BigDecimal("969.00"));
        assertThat(pay.overtimePay()).isEqualTo(new BigDecimal("0.00"));
        assertThat(pay.grossPay()).isEqualTo(new BigDecimal("969.00"));
    }

    @Test
    void hoursBeyondTheStandardWeekArePaidAtTheMultiplier() {
        PayBreakdown pay = pay("45", "20.00", "40", "1.5");
        assertThat(pay.regularHours()).isEqualByComparingTo("40");
        assertThat(pay.overtimeHours()).isEqualByComparingTo("5");
        assertThat(pay.regularPay()).isEqualTo(new BigDecimal("800.00"));
        assertThat(pay.overtimePay()).isEqualTo(new BigDecimal("150.00"));
        assertThat(pay.grossPay()).isEqualTo(new BigDecimal("950.00"));
    }

    @Test
    void theMultiplierIsConfigurable() {
        assertThat(pay("42", "10", "40", "2").overtimePay()).isEqualTo(new BigDecimal("40.00"));
        assertThat(pay("42", "10", "40", "1.25").overtimePay()).isEqualTo(new BigDecimal("25.00"));
    }

    @Test
    void halfACentRoundsUpNotToEven() {
        // 1 × 20.005 = 20.005 → 20.01 (banker's rounding would give 20.00)
        assertThat(pay("1", "20.005", "40", "1.5").grossPay()).isEqualTo(new BigDecimal("20.01"));
        // 0.5 × 10.01 = 5.005 → 5.01
        assertThat(pay("0.5", "10.01", "40", "1.5").regularPay()).isEqualTo(new BigDecimal("5.01"));
        // 2.5 × 20.005 × 1.5 = 75.01875 → 75.02
        assertThat(pay("40.5", "20.005", "38", "1.5").overtimePay()).isEqualTo(new BigDecimal("75.02"));
        // just below half a cent rounds down: 0.3 × 10.0149 = 3.00447 → 3.00
        assertThat(pay("0.3", "10.0149", "40", "1.5").grossPay()).isEqualTo(new BigDecimal("3.00"));
    }

    @Test
    void grossIsTheSumOfTheRoundedLines() {
        PayBreakdown pay = pay("40.5", "20.005", "38", "1.5");
        assertThat(pay.regularPay()).isEqualTo(new BigDecimal("760.19"));
        assertThat(pay.grossPay()).isEqualTo(pay.regularPay().add(pay.overtimePay()));
    }

    @Test
    void noHoursNoPayAndNoFloatingPointDrift() {
        assertThat(pay("0", "20", "40", "1.5").grossPay()).isEqualTo(new BigDecimal("0.00"));
        // 0.1 + 0.2 style sums stay exact: 3 × 0.1 h at 10.00 = 3.00
        assertThat(pay("0.3", "10.00", "40", "1.5").grossPay()).isEqualTo(new BigDecimal("3.00"));
    }

    @Test
    void negativeInputsAreRejected() {
        assertThatThrownBy(() -> pay("1", "-1", "40", "1.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pay("-1", "1", "40", "1.5")).isInstanceOf(IllegalArgumentException.class);
    }
}
