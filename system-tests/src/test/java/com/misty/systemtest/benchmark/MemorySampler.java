package com.misty.systemtest.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Resident memory (VmRSS from /proc/&lt;pid&gt;/status) of the suite's processes: the largest value seen per
 * process, and the largest sum over all processes at one sampling instant (not the sum of the per-process maxima).
 */
final class MemorySampler {

    private final Supplier<Map<String, Long>> processIds;
    private final Map<String, Long> maxKib = new LinkedHashMap<>();
    private long maxTotalKib;
    private int samples;
    private volatile boolean running;
    private Thread thread;

    MemorySampler(Supplier<Map<String, Long>> processIds) {
        this.processIds = processIds;
    }

    /** One sample now. */
    synchronized void sample() {
        long total = 0;
        for (Map.Entry<String, Long> process : processIds.get().entrySet()) {
            long kib = residentKib(process.getValue());
            if (kib > 0) {
                maxKib.merge(process.getKey(), kib, Math::max);
                total += kib;
            }
        }
        maxTotalKib = Math.max(maxTotalKib, total);
        samples++;
    }

    /** Samples every {@code intervalMillis} in the background until {@link #stop()}. */
    void startEvery(long intervalMillis) {
        running = true;
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "benchmark-memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }

    synchronized Map<String, Long> maxKibByProcess() {
        return new LinkedHashMap<>(maxKib);
    }

    synchronized long maxTotalKib() {
        return maxTotalKib;
    }

    synchronized int samples() {
        return samples;
    }

    static long residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process just ended, or no /proc: nothing to record for it
        }
        return 0;
    }
}
