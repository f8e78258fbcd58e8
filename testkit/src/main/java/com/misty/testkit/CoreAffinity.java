package com.misty.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Which cores a process or a thread may run on (Linux {@code taskset}), for benchmarks that give the gateway a
 * core of its own, as its own container would have, instead of sharing every core with the load generator.
 */
public final class CoreAffinity {

    /**
     * The cores this JVM was allowed when the class was first used, before any move: read once, because after a
     * move the JVM's own count ({@code availableProcessors}) shrinks, and a container's cores need not start at 0.
     */
    private static final List<Integer> CORES = allowedCores();

    private CoreAffinity() {
    }

    /** Whether there are two cores to split and the tool to split them. */
    public static boolean splittable() {
        return CORES.size() >= 2 && taskset("--version");
    }

    /** Every core the JVM started with, in {@code taskset -c} form. */
    public static String everyCore() {
        return join(CORES);
    }

    public static String lastCore() {
        return String.valueOf(CORES.get(CORES.size() - 1));
    }

    public static String allButLastCore() {
        return join(CORES.subList(0, CORES.size() - 1));
    }

    /** Every thread of process {@code pid} (and the threads they start later) to {@code cores}; false if it failed. */
    public static boolean moveProcess(long pid, String cores) {
        // taskset fails when a thread ends while it walks the process's threads (a JVM starts and ends short-lived
        // ones, e.g. to reap the taskset process itself); another pass then finds a steady set.
        for (int attempt = 0; attempt < 5; attempt++) {
            if (taskset("-a", "-p", "-c", cores, Long.toString(pid))) {
                return true;
            }
        }
        return false;
    }

    /** The calling thread (and the threads it starts later) to {@code cores}; false if it failed. */
    public static boolean moveCurrentThread(String cores) {
        return taskset("-p", "-c", cores, Long.toString(currentThreadId()));
    }

    /** The kernel's id of the calling thread: only the thread itself can read it. */
    private static long currentThreadId() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException e) {
            throw new IllegalStateException("No /proc/thread-self", e);
        }
    }

    private static String join(List<Integer> cores) {
        return cores.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** {@code Cpus_allowed_list} of this process, e.g. "0-1" or "4,6-7"; one core if it cannot be read. */
    private static List<Integer> allowedCores() {
        List<Integer> cores = new ArrayList<>();
        try {
            String list = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Cpus_allowed_list:")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("0");
            for (String range : list.split(",")) {
                String[] bounds = range.trim().split("-");
                int from = Integer.parseInt(bounds[0]);
                int to = bounds.length > 1 ? Integer.parseInt(bounds[1]) : from;
                for (int core = from; core <= to; core++) {
                    cores.add(core);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(0);
        }
        return List.copyOf(cores);
    }

    private static boolean taskset(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "taskset";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
