package com.misty.gateway.rest;

import com.misty.platform.lifecycle.PollingWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

/**
 * The access log: one line per request, handed to the logging system in batches by a thread of its own, the way
 * nginx and Envoy buffer theirs. Logging each line from the event loop woke the log writer's thread once per
 * request, a futex wake and often a thread switch on a busy core (gateway README, "Measured figures"). Here an
 * event loop only drops its line in a queue, and the writer thread takes what has gathered every
 * {@link #FLUSH_INTERVAL_MILLIS} ms, so a line reaches the log at most that late. Each line keeps the time,
 * thread name and thread id of its request (not the MDC: the event loops set none). If the queue is full (the log
 * cannot keep up), lines are dropped and counted rather than slowing requests; the count is logged. After
 * shutdown has begun, lines are written directly, so none is lost.
 */
@ApplicationScoped
public class AccessLog {

    static final String CATEGORY = "com.misty.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final org.jboss.logmanager.Logger RAW = org.jboss.logmanager.Logger.getLogger(CATEGORY);
    private static final long FLUSH_INTERVAL_MILLIS = 100;
    private static final int CAPACITY = 65_536;

    private record Line(String text, long epochMillis, String threadName, long threadId) {
    }

    private final BlockingQueue<Line> lines;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean stopping;
    private final PollingWorker writer;

    public AccessLog() {
        this(CAPACITY);
    }

    AccessLog(int capacity) {
        this.lines = new ArrayBlockingQueue<>(capacity);
        this.writer = PollingWorker.every("gateway-access-log", Duration.ofMillis(FLUSH_INTERVAL_MILLIS), this::flush);
    }

    void start(@Observes StartupEvent started) {
        writer.start();
    }

    /**
     * Not by interrupting the writer: an interrupted thread that publishes to the async console handler has its
     * record dropped. The writer is woken instead and writes what is left itself.
     */
    void stop(@Observes ShutdownEvent stopping) {
        this.stopping = true;
        writer.stopAfterPass();
        flush();
    }

    /** Whether lines are wanted at all (the category may be set above INFO). */
    public boolean enabled() {
        return LOG.isInfoEnabled();
    }

    /** Queues one line for the writer thread; never blocks. */
    public void record(String text) {
        Thread thread = Thread.currentThread();
        Line line = new Line(text, System.currentTimeMillis(), thread.getName(), thread.getId());
        if (stopping) {
            write(line);
        } else if (!lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    /** Writes every line queued so far (by the writer thread, and once more at shutdown). */
    synchronized void flush() {
        List<Line> batch = new ArrayList<>(lines.size());
        lines.drainTo(batch);
        batch.forEach(AccessLog::write);
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warnf("%d access lines dropped: the log could not keep up", lost);
        }
    }

    private static void write(Line line) {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, line.text(), ExtLogRecord.FormatStyle.NO_FORMAT,
                AccessLog.class.getName());
        record.setInstant(Instant.ofEpochMilli(line.epochMillis()));
        record.setThreadName(line.threadName());
        record.setLongThreadID(line.threadId());
        RAW.logRaw(record);
    }
}
