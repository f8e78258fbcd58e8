package com.misty.systemtest.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: they mean little without it. */
final class Machine {

    private Machine() {
    }

    static String cores() {
        return String.valueOf(Runtime.getRuntime().availableProcessors());
    }

    static String cpuModel() {
        return proc("cpuinfo").stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    }

    static String memory() {
        return proc("meminfo").stream().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 + " MiB").orElse("unknown");
    }

    static String java() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** The 1/5/15-minute load averages: how busy the machine was with other work around the run. */
    static String loadAverage() {
        List<String> lines = proc("loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] fields = lines.get(0).split("\\s+");
        return fields[0] + " / " + fields[1] + " / " + fields[2];
    }

    private static List<String> proc(String file) {
        try {
            return Files.readAllLines(Path.of("/proc", file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
