package com.misty.suite;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Has every child JVM give unused native memory back to the system every few seconds. Memory a JVM allocates
 * with malloc (the JIT compilers' work areas above all) stays resident after it is freed: trimming once on the
 * idle suite returned 8–24 MB per process, about 100 MB of its 1.3 GB. Every 5 s costs no CPU that the benchmark
 * can see; every second did (the saga's CPU per order rose from 170 to 199 ms: what is given back is soon faulted
 * in again under load). The option exists from JDK 17.0.9 and 21.0.1, and a JVM refuses to start with an option it
 * does not know, so it is passed only when the JVM that runs the launcher (the children run the same binary) knows it.
 */
final class NativeHeapTrim {

    static final String OPTION = "TrimNativeHeapInterval";
    static final long INTERVAL_MILLIS = 5_000;

    private NativeHeapTrim() {
    }

    /** The JVM options to pass to a child: the trim interval, or nothing on a JVM without the option. */
    static List<String> jvmOptions() {
        return isKnown() ? List.of("-XX:" + OPTION + "=" + INTERVAL_MILLIS) : List.of();
    }

    static boolean isKnown() {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(OPTION);
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }
}
