package com.misty.gateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records a log category receives while it is open, for tests that check what is logged. */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger category;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLog(String category) {
        this.category = Logger.getLogger(category);
    }

    /** Starts capturing {@code category} at INFO and above (in addition to its usual handlers). */
    public static CapturedLog of(String category) {
        CapturedLog log = new CapturedLog(category);
        log.category.setLevel(Level.INFO);
        log.category.addHandler(log);
        return log;
    }

    public List<LogRecord> records() {
        return records;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        category.removeHandler(this);
    }
}
