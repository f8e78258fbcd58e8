package com.misty.systemtest.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time (user + system) each process of the suite has used so far, from {@code /proc/<pid>/stat}: the difference
 * over a phase, divided by the work done in it, says which process a path spends its CPU in. Unlike a latency it is
 * hardly changed by other work on the machine (time waited for a core is not counted). Empty where there is no
 * {@code /proc} (not Linux).
 */
final class ProcessCpu {

    /** Linux reports utime and stime in clock ticks of USER_HZ, 100 per second on every common configuration. */
    private static final long MILLIS_PER_TICK = 10;

    private ProcessCpu() {
    }

    /** CPU milliseconds used so far by each of {@code processIds} (name → pid); a process that is gone is left out. */
    static Map<String, Long> millisByProcess(Map<String, Long> processIds) {
        Map<String, Long> millis = new LinkedHashMap<>();
        processIds.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                // Fields after the command (which may hold spaces, hence the last ')'): state is field 3, utime 14, stime 15.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                millis.put(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK);
            } catch (IOException | RuntimeException unreadable) {
                // not Linux, or the process ended: no figure for it
            }
        });
        return millis;
    }

    /** What each process used between two readings. */
    static Map<String, Long> used(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new LinkedHashMap<>();
        after.forEach((name, millis) -> {
            if (before.containsKey(name)) {
                used.put(name, millis - before.get(name));
            }
        });
        return used;
    }
}
