package com.misty.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One process the launcher started: its name for messages, its log file, and how to stop it. */
final class ChildProcess {

    private final String name;
    private final Path log;
    private final Process process;

    private ChildProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code java <jvmArgs> <mainArgs>} with output to {@code log}; the child learns our pid to watch and
     * trims its native heap ({@link NativeHeapTrim}).
     */
    static ChildProcess startJava(String name, List<String> jvmArgs, List<String> mainArgs, Map<String, String> env,
                                  Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(NativeHeapTrim.jvmOptions());
        command.addAll(jvmArgs);
        command.add("-Dmisty.parent-pid=" + ProcessHandle.current().pid());
        command.addAll(mainArgs);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ChildProcess(name, log, builder.start());
        } catch (IOException e) {
            throw new LaunchException(name + " could not be started: " + e.getMessage());
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** The line of its log that names why it stopped (see {@link StartupFailure}). */
    String failureCause() {
        try {
            return StartupFailure.causeIn(Files.readAllLines(log));
        } catch (IOException | RuntimeException e) {
            return "(no output)";
        }
    }

    /** Kills it and its descendants at once (SIGKILL) and waits until it is gone. */
    void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks it to stop (SIGTERM, so it shuts down cleanly); kills it and its descendants after the grace period. */
    void stop(long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
