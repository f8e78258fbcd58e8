package com.misty.gateway.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The most recent events in a fixed-size ring, so a client that reconnects with {@code Last-Event-ID} gets
 * what it missed. Memory is bounded by {@code capacity}; a client that was away longer than the ring reaches
 * back is told so (empty result) and reloads its view instead of silently missing events.
 */
public final class EventRing {

    private final LiveEvent[] slots;
    private long nextSequence = 1;

    public EventRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        slots = new LiveEvent[capacity];
    }

    /** Stores an event and returns it with its sequence number. */
    public LiveEvent append(String topic, String type, String ownerUserId, String json) {
        LiveEvent event = new LiveEvent(nextSequence, topic, type, ownerUserId, json);
        slots[(int) (nextSequence % slots.length)] = event;
        nextSequence++;
        return event;
    }

    /** The last sequence handed out (0 before the first event). */
    public long lastSequence() {
        return nextSequence - 1;
    }

    /**
     * The events after {@code lastSeen}, oldest first; empty when some of them have already been overwritten
     * (or {@code lastSeen} is from the future), i.e. a gap-free resume is impossible.
     */
    public Optional<List<LiveEvent>> after(long lastSeen) {
        long oldest = Math.max(1, nextSequence - slots.length);
        if (lastSeen < oldest - 1 || lastSeen > lastSequence()) {
            return Optional.empty();
        }
        List<LiveEvent> missed = new ArrayList<>((int) (lastSequence() - lastSeen));
        for (long sequence = lastSeen + 1; sequence < nextSequence; sequence++) {
            missed.add(slots[(int) (sequence % slots.length)]);
        }
        return Optional.of(missed);
    }
}
