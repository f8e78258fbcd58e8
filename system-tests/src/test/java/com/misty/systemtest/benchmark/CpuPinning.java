package com.misty.systemtest.benchmark;

import com.misty.testkit.CoreAffinity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives one process of the suite a core of its own for a while, as its own container would have it: that process
 * goes to the last core; every other process of the suite and this JVM (the load generator) to the others; all go
 * back to every core on {@link #close()}.
 */
final class CpuPinning implements AutoCloseable {

    private final List<Long> pids;

    private CpuPinning(List<Long> pids) {
        this.pids = pids;
    }

    /** Empty (and nothing moved) when the machine has one core, no {@code taskset}, or no such process. */
    static Optional<CpuPinning> ownCoreFor(String name, Map<String, Long> processIds) {
        Long alone = processIds.get(name);
        if (!CoreAffinity.splittable() || alone == null) {
            return Optional.empty();
        }
        List<Long> everyone = new ArrayList<>(processIds.values());
        everyone.add(ProcessHandle.current().pid());
        CpuPinning pinning = new CpuPinning(everyone);
        for (long pid : everyone) {
            String cores = pid == alone ? CoreAffinity.lastCore() : CoreAffinity.allButLastCore();
            if (!CoreAffinity.moveProcess(pid, cores)) {
                pinning.close();
                return Optional.empty();
            }
        }
        return Optional.of(pinning);
    }

    @Override
    public void close() {
        // A process that has ended needs no cores back, so a failure here is ignored.
        pids.forEach(pid -> CoreAffinity.moveProcess(pid, CoreAffinity.everyCore()));
    }
}
