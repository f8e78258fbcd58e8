package com.misty.gateway.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a live stream stands in the suite's topics: for each Kafka partition ({@code topic:partition}) the next
 * offset not yet considered. It is the SSE event id ({@code orders.events:0:1234,payroll.events:0:77,...}), so it
 * means the same to every gateway replica and survives restarts: a client that presents it has seen (or was not
 * allowed to see) every event below those offsets, and nothing else is assumed.
 */
public final class StreamPosition {

    /** Longest id accepted back from a client (a browser echoes it in {@code Last-Event-ID}). */
    static final int MAX_LENGTH = 8192;
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9._-]{1,249}:\\d{1,9}):(\\d{1,19})");

    private final Map<String, Long> next;

    private StreamPosition(Map<String, Long> next) {
        this.next = Collections.unmodifiableMap(new TreeMap<>(next));
    }

    public static StreamPosition of(Map<String, Long> next) {
        return new StreamPosition(next);
    }

    /** Reads an id as {@link #toString()} writes it; empty for anything else (e.g. an id of the older format). */
    public static Optional<StreamPosition> parse(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Map<String, Long> next = new TreeMap<>();
        for (String entry : id.trim().split(",")) {
            Matcher matcher = ENTRY.matcher(entry);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            try {
                next.put(matcher.group(1), Long.parseLong(matcher.group(2)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new StreamPosition(next));
    }

    /** The next offset not yet considered in {@code partition}; 0 when this position does not know the partition. */
    public long next(String partition) {
        return next.getOrDefault(partition, 0L);
    }

    public Map<String, Long> partitions() {
        return next;
    }

    @Override
    public String toString() {
        StringBuilder id = new StringBuilder(next.size() * 24);
        next.forEach((partition, offset) -> {
            if (!id.isEmpty()) {
                id.append(',');
            }
            id.append(partition).append(':').append(offset);
        });
        return id.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamPosition position && position.next.equals(next);
    }

    @Override
    public int hashCode() {
        return next.hashCode();
    }
}
