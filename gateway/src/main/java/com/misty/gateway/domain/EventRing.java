package com.misty.gateway.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The most recent events in a fixed-size ring, so a client that reconnects with {@code Last-Event-ID} gets what
 * it missed, also from another replica or after a restart (the ring is pre-filled from the topics at start).
 *
 * <p>Positions are Kafka positions, per partition: the ring knows for every partition the next offset it has not
 * seen ({@link #position()}) and the lowest offset from which it holds every event ({@code retainedFrom}). An
 * event's id is the position right after it was added. A client's id C resumes without a gap when, for every
 * partition, the ring holds everything from C's offset on; it then gets, in ring order, every held event at or
 * above C's offset for its partition. Ring order across partitions may differ between replicas, which is why the
 * check is per partition. Memory is bounded by {@code capacity}; a client that was away longer than the ring
 * reaches back is told so (empty result) and reloads its view instead of silently missing events.
 */
public final class EventRing {

    private final LiveEvent[] slots;
    private long appended;
    private final Map<String, Long> position = new HashMap<>();
    private final Map<String, Long> retainedFrom = new HashMap<>();

    public EventRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        slots = new LiveEvent[capacity];
    }

    /**
     * Declares that events of {@code partition} will be added from offset {@code from} on (what came before is not
     * held). Starting again further ahead than the ring's position (events were skipped) makes the skipped range
     * unresumable; starting again behind it changes nothing (those offsets are ignored by {@link #append}).
     */
    public void track(String partition, long from) {
        Long current = position.get(partition);
        if (current == null || from > current) {
            position.put(partition, from);
            retainedFrom.put(partition, from);
        }
    }

    /** Whether {@code partition} is tracked, and from where it continues. */
    public Optional<Long> positionOf(String partition) {
        return Optional.ofNullable(position.get(partition));
    }

    /**
     * Stores an event and returns it with its id; empty when that offset was already passed (a re-read).
     * An untracked partition is tracked from this offset.
     */
    public Optional<LiveEvent> append(String partition, long offset, String topic, String type, String ownerUserId,
                                      String json) {
        track(partition, offset);
        if (offset < position.get(partition)) {
            return Optional.empty();
        }
        position.put(partition, offset + 1);
        LiveEvent event = new LiveEvent(position().toString(), partition, offset, topic, type, ownerUserId, json);
        int slot = (int) (appended % slots.length);
        LiveEvent evicted = slots[slot];
        if (evicted != null) {
            // Everything of that partition up to the evicted event is gone from the ring now.
            retainedFrom.merge(evicted.partition(), evicted.offset() + 1, Math::max);
        }
        slots[slot] = event;
        appended++;
        return Optional.of(event);
    }

    public StreamPosition position() {
        return StreamPosition.of(position);
    }

    /**
     * The held events a client at {@code seen} has not had, in ring order; empty when some are no longer held
     * (for some partition the ring does not reach back to {@code seen}'s offset).
     */
    public Optional<List<LiveEvent>> after(StreamPosition seen) {
        for (Map.Entry<String, Long> held : retainedFrom.entrySet()) {
            if (seen.next(held.getKey()) < held.getValue()) {
                return Optional.empty();
            }
        }
        long oldest = Math.max(0, appended - slots.length);
        List<LiveEvent> missed = new ArrayList<>();
        for (long index = oldest; index < appended; index++) {
            LiveEvent event = slots[(int) (index % slots.length)];
            if (event.offset() >= seen.next(event.partition())) {
                missed.add(event);
            }
        }
        return Optional.of(missed);
    }
}
