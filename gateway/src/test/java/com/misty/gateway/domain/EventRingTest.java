package com.misty.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EventRingTest {

    private static final String ORDERS = "orders.events:0";
    private static final String STOCK = "inventory.events:0";

    private final EventRing ring = new EventRing(4);

    @Test
    void returnsWhatWasMissedInOrderWithPositionsAsIds() {
        ring.track(ORDERS, 10);
        ring.track(STOCK, 0);
        LiveEvent first = add(ORDERS, 10);
        add(STOCK, 0);
        add(ORDERS, 11);
        assertThat(first.id()).isEqualTo("inventory.events:0:0,orders.events:0:11");

        StreamPosition afterFirst = StreamPosition.parse(first.id()).orElseThrow();
        assertThat(ring.after(afterFirst)).hasValueSatisfying(missed ->
                assertThat(missed).extracting(LiveEvent::partition, LiveEvent::offset)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(STOCK, 0L), org.assertj.core.groups.Tuple.tuple(ORDERS, 11L)));
        assertThat(ring.after(ring.position())).hasValueSatisfying(missed -> assertThat(missed).isEmpty());
    }

    @Test
    void refusesToResumeAcrossAGapPerPartition() {
        ring.track(ORDERS, 0);
        ring.track(STOCK, 0);
        add(STOCK, 0);
        for (int offset = 0; offset < 6; offset++) {
            add(ORDERS, offset);
        }
        // Capacity 4 keeps orders 2..5; the stock event was evicted.
        StreamPosition sawStockAndTwoOrders = StreamPosition.of(Map.of(STOCK, 1L, ORDERS, 2L));
        assertThat(ring.after(sawStockAndTwoOrders)).hasValueSatisfying(missed ->
                assertThat(missed).extracting(LiveEvent::offset).containsExactly(2L, 3L, 4L, 5L));
        // Orders 1 is gone: resuming after orders 0 would skip it.
        assertThat(ring.after(StreamPosition.of(Map.of(STOCK, 1L, ORDERS, 1L)))).isEmpty();
        // The stock event is gone too: a client that had not seen it cannot resume.
        assertThat(ring.after(StreamPosition.of(Map.of(STOCK, 0L, ORDERS, 2L)))).isEmpty();
    }

    @Test
    void anotherRingFilledInAnotherOrderResumesTheSameIdWithoutGapsOrRepeats() {
        // Replica A saw stock 0, orders 0, orders 1, stock 1; the client's last id is the one after orders 0.
        EventRing a = new EventRing(16);
        a.track(ORDERS, 0);
        a.track(STOCK, 0);
        a.append(STOCK, 0, "inventory.events", "StockLevelChanged", null, "{}");
        String lastSeen = a.append(ORDERS, 0, "orders.events", "OrderStatusChanged", null, "{}").orElseThrow().id();
        // Replica B (or A after a restart) read the partitions in another order.
        EventRing b = new EventRing(16);
        b.track(ORDERS, 0);
        b.track(STOCK, 0);
        for (String[] event : List.of(new String[]{ORDERS, "0"}, new String[]{ORDERS, "1"}, new String[]{STOCK, "0"},
                new String[]{STOCK, "1"})) {
            b.append(event[0], Long.parseLong(event[1]), "t", "T", null, "{}");
        }
        Optional<List<LiveEvent>> missed = b.after(StreamPosition.parse(lastSeen).orElseThrow());
        assertThat(missed).hasValueSatisfying(events -> assertThat(events)
                .extracting(e -> e.partition() + "@" + e.offset())
                .containsExactly(ORDERS + "@1", STOCK + "@1"));
    }

    @Test
    void reReadOffsetsAreIgnoredAndASkipForwardIsAGap() {
        ring.track(ORDERS, 5);
        assertThat(ring.append(ORDERS, 4, "orders.events", "T", null, "{}")).isEmpty();
        add(ORDERS, 5);
        assertThat(ring.append(ORDERS, 5, "orders.events", "T", null, "{}")).isEmpty();
        // The reader had to skip 6..9 (e.g. they expired from the topic while it was disconnected).
        ring.track(ORDERS, 10);
        assertThat(ring.after(StreamPosition.of(Map.of(ORDERS, 6L)))).isEmpty();
        assertThat(ring.after(StreamPosition.of(Map.of(ORDERS, 10L)))).hasValueSatisfying(m -> assertThat(m).isEmpty());
        // Tracking from behind the position changes nothing.
        ring.track(ORDERS, 0);
        assertThat(ring.positionOf(ORDERS)).contains(10L);
    }

    @Test
    void aPartitionTheClientDidNotKnowIsReplayedFromItsStartIfHeld() {
        ring.track(ORDERS, 0);
        add(ORDERS, 0);
        ring.track("orders.events:1", 0);
        add("orders.events:1", 0);
        StreamPosition beforeTheNewPartition = StreamPosition.of(Map.of(ORDERS, 1L));
        assertThat(ring.after(beforeTheNewPartition)).hasValueSatisfying(missed ->
                assertThat(missed).extracting(LiveEvent::partition).containsExactly("orders.events:1"));
    }

    private LiveEvent add(String partition, long offset) {
        return ring.append(partition, offset, partition.substring(0, partition.indexOf(':')), "T", null, "{}").orElseThrow();
    }
}
