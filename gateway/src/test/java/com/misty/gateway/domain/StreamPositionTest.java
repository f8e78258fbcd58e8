package com.misty.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StreamPositionTest {

    @Test
    void writesAndReadsTheSameId() {
        StreamPosition position = StreamPosition.of(Map.of("orders.events:0", 12L, "auth.events:2", 0L));
        assertThat(position.toString()).isEqualTo("auth.events:2:0,orders.events:0:12");
        assertThat(StreamPosition.parse(position.toString())).contains(position);
        assertThat(position.next("orders.events:0")).isEqualTo(12L);
        assertThat(position.next("payroll.events:0")).isZero();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(StreamPosition.parse(null)).isEmpty();
        assertThat(StreamPosition.parse("")).isEmpty();
        assertThat(StreamPosition.parse("lq1x2-17")).isEmpty();
        assertThat(StreamPosition.parse("orders.events:0:-1")).isEmpty();
        assertThat(StreamPosition.parse("orders.events:0:1\nevent: x")).isEmpty();
        assertThat(StreamPosition.parse("orders events:0:1")).isEmpty();
        assertThat(StreamPosition.parse("orders.events:0:99999999999999999999")).isEmpty();
        assertThat(StreamPosition.parse("a:0:1,".repeat(2000))).isEmpty();
    }
}
