package com.misty.gateway.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventRingTest {

    private final EventRing ring = new EventRing(4);

    @Test
    void returnsWhatWasMissedInOrder() {
        for (int i = 1; i <= 3; i++) {
            ring.append("orders.events", "OrderStatusChanged", null, "{\"n\":" + i + "}");
        }
        assertThat(ring.after(1)).hasValueSatisfying(missed ->
                assertThat(missed).extracting(LiveEvent::sequence).containsExactly(2L, 3L));
        assertThat(ring.after(3)).hasValueSatisfying(missed -> assertThat(missed).isEmpty());
        assertThat(ring.after(0)).hasValueSatisfying(missed -> assertThat(missed).hasSize(3));
    }

    @Test
    void refusesToResumeAcrossAGapOrFromTheFuture() {
        for (int i = 1; i <= 10; i++) {
            ring.append("orders.events", "OrderStatusChanged", null, "{}");
        }
        // Capacity 4 keeps 7..10: resuming after 6 is complete, after 5 would miss event 6.
        assertThat(ring.after(6)).hasValueSatisfying(missed ->
                assertThat(missed).extracting(LiveEvent::sequence).containsExactly(7L, 8L, 9L, 10L));
        assertThat(ring.after(5)).isEmpty();
        assertThat(ring.after(11)).isEmpty();
        assertThat(ring.lastSequence()).isEqualTo(10);
    }
}
