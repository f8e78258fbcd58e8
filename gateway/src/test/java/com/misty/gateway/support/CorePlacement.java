package com.misty.gateway.support;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Moves the benchmark's threads between cores (Linux {@code taskset}), so that the gateway under test can have a
 * core of its own, as it has in its own container, while the load generator and the stub service share another.
 * The whole JVM is moved first (the gateway's threads with it); then each event loop of the generator's and the
 * stub's Vert.x instances moves itself, as only a thread knows its own kernel id ({@code /proc/thread-self}).
 */
public final class CorePlacement {

    private CorePlacement() {
    }

    /** Whether there are two cores to split and the tool to split them. */
    public static boolean possible() {
        return Runtime.getRuntime().availableProcessors() >= 2 && Files.isExecutable(Path.of("/usr/bin/taskset"));
    }

    /** Every thread of this JVM (and the threads they start later) to {@code cores}, e.g. "1" or "0-1". */
    public static void wholeProcessTo(String cores) {
        taskset(cores, ProcessHandle.current().pid(), true);
    }

    /** Each event-loop thread of {@code vertx} to {@code cores}. */
    public static void eventLoopsTo(Vertx vertx, String cores) {
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            try {
                loop.submit(() -> taskset(cores, currentThreadId(), false)).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Could not move an event loop to cores " + cores, e);
            }
        }
    }

    private static long currentThreadId() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException e) {
            throw new IllegalStateException("No /proc/thread-self", e);
        }
    }

    private static void taskset(String cores, long id, boolean allThreads) {
        ProcessBuilder command = allThreads
                ? new ProcessBuilder("taskset", "-a", "-p", "-c", cores, Long.toString(id))
                : new ProcessBuilder("taskset", "-p", "-c", cores, Long.toString(id));
        try {
            Process process = command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("taskset " + cores + " " + id + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("taskset unavailable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
