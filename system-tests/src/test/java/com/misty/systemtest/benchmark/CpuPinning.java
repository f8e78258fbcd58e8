package com.misty.systemtest.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Gives one process a core of its own for a while, as a container with its own CPU would have it: that process
 * goes to the last core, every other process of the suite and this JVM (the load generator) to the rest, and all
 * go back to every core on {@link #close()}. Uses Linux {@code taskset}; {@code -a} moves every thread of a
 * process, and threads started later inherit their creator's cores.
 */
final class CpuPinning implements AutoCloseable {

    private final List<Long> pids;
    private final String allCores;

    private CpuPinning(List<Long> pids, String allCores) {
        this.pids = pids;
        this.allCores = allCores;
    }

    /** Empty when the machine has one core or no {@code taskset}: then nothing is moved. */
    static Optional<CpuPinning> ownCoreFor(String name, Map<String, Long> processIds) {
        int cores = Runtime.getRuntime().availableProcessors();
        Long pinned = processIds.get(name);
        if (cores < 2 || pinned == null) {
            return Optional.empty();
        }
        String allCores = "0-" + (cores - 1);
        String ownCore = String.valueOf(cores - 1);
        String rest = cores == 2 ? "0" : "0-" + (cores - 2);
        List<Long> everyone = new ArrayList<>(processIds.values());
        everyone.add(ProcessHandle.current().pid());
        try {
            for (long pid : everyone) {
                if (!taskset(pid == pinned ? ownCore : rest, pid)) {
                    new CpuPinning(everyone, allCores).close();
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new CpuPinning(everyone, allCores));
    }

    @Override
    public void close() {
        for (long pid : pids) {
            try {
                taskset(allCores, pid);
            } catch (IOException e) {
                // A process that has ended needs no cores back.
            }
        }
    }

    private static boolean taskset(String cores, long pid) throws IOException {
        Process process = new ProcessBuilder("taskset", "-a", "-p", "-c", cores, Long.toString(pid))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            return false;
        }
    }
}
