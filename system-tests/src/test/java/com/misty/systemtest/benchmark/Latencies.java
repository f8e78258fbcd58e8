package com.misty.systemtest.benchmark;

import java.util.Arrays;
import java.util.List;

/** Recorded durations of one measurement, sorted once; percentiles by nearest rank (no HdrHistogram on the classpath). */
record Latencies(long[] sortedNanos) {

    static Latencies of(List<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return new Latencies(all);
    }

    static Latencies of(long[] nanos) {
        return of(List.of(nanos));
    }

    int count() {
        return sortedNanos.length;
    }

    /** The p-th percentile in milliseconds (nearest rank), NaN when nothing was recorded. */
    double percentileMillis(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p99() {
        return percentileMillis(99);
    }
}
