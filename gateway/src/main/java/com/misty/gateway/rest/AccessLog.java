package com.misty.gateway.rest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

/**
 * The access log: one line per request, handed to the logging system in batches by a thread of its own, the way
 * nginx and Envoy buffer theirs. Logging each line from the event loop woke the log writer's thread once per
 * request; measured with the gateway on a core of its own, that hand-off cost about a third of its throughput.
 * Here an event loop only drops the line in a queue (no wake-up), and the writer thread takes what has gathered
 * every {@link #FLUSH_INTERVAL_MILLIS} ms, so a line reaches the log at most that late. If the queue is full (the
 * log cannot keep up), lines are dropped and counted rather than slowing requests; the count is logged. Each line
 * keeps the time and thread of its request, not of the batch.
 */
@ApplicationScoped
public class AccessLog {

    static final String CATEGORY = "com.misty.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final org.jboss.logmanager.Logger RAW = org.jboss.logmanager.Logger.getLogger(CATEGORY);
    private static final long FLUSH_INTERVAL_MILLIS = 100;
    private static final int CAPACITY = 65_536;

    private record Line(String text, long epochMillis, String thread) {
    }

    private final BlockingQueue<Line> lines = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private Thread writer;

    void start(@Observes StartupEvent started) {
        running = true;
        writer = new Thread(this::writeUntilStopped, "gateway-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.interrupt();
            writer.join(TimeUnit.SECONDS.toMillis(5));
        }
        flush();
    }

    /** Whether lines are wanted at all (the category may be set above INFO). */
    public boolean enabled() {
        return LOG.isInfoEnabled();
    }

    /** Queues one line; never blocks. */
    public void record(String line) {
        if (!lines.offer(new Line(line, System.currentTimeMillis(), Thread.currentThread().getName()))) {
            dropped.incrementAndGet();
        }
    }

    private void writeUntilStopped() {
        while (running) {
            try {
                Thread.sleep(FLUSH_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
            flush();
        }
    }

    /** Writes every line queued so far (called by the writer thread, and once more at shutdown). */
    synchronized void flush() {
        List<Line> batch = new ArrayList<>(Math.min(lines.size(), CAPACITY));
        lines.drainTo(batch);
        for (Line line : batch) {
            ExtLogRecord record = new ExtLogRecord(Level.INFO, line.text(), ExtLogRecord.FormatStyle.NO_FORMAT,
                    AccessLog.class.getName());
            record.setInstant(java.time.Instant.ofEpochMilli(line.epochMillis()));
            record.setThreadName(line.thread());
            RAW.logRaw(record);
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warnf("%d access lines dropped: the log could not keep up", lost);
        }
    }
}
