package com.misty.systemtest.benchmark;

import java.util.Arrays;

/** A growable array of primitive longs: one per worker thread, so recording a latency allocates nothing boxed. */
final class LongList {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
