package com.misty.orders.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderNumbersTest {

    @Test
    void formatsZeroPaddedAndGrowsBeyondTheWidth() {
        OrderNumbers numbers = new OrderNumbers("ORD-", 6);
        assertThat(numbers.format(123)).isEqualTo("ORD-000123");
        assertThat(numbers.format(1_234_567)).isEqualTo("ORD-1234567");
        assertThatThrownBy(() -> numbers.format(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheSequenceOfStoredNumbers() {
        assertThat(OrderNumbers.sequenceOf("ORD-000123")).hasValue(123);
        assertThat(OrderNumbers.sequenceOf("2025-0042")).hasValue(42);
        assertThat(OrderNumbers.sequenceOf("legacy")).isEmpty();
        assertThat(OrderNumbers.sequenceOf(null)).isEmpty();
    }
}
