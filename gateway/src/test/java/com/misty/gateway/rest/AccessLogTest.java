package com.misty.gateway.rest;

import com.misty.gateway.support.CapturedLog;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** The batching itself: what a line keeps of its request, and what happens when the log cannot keep up. */
class AccessLogTest {

    private CapturedLog log;
    private List<LogRecord> written;

    @BeforeEach
    void listen() {
        log = CapturedLog.of(AccessLog.CATEGORY);
        written = log.records();
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    void aLineKeepsTheTimeAndThreadOfItsRequestNotOfTheBatch() throws Exception {
        AccessLog log = new AccessLog(16);
        Instant before = Instant.now();
        Thread request = new Thread(() -> log.record("[id-1] GET /api/stock 200 0.4ms"), "vert.x-eventloop-thread-7");
        request.start();
        request.join();
        Instant recorded = Instant.now();
        Thread.sleep(300);

        log.flush();

        assertThat(written).hasSize(1);
        ExtLogRecord line = (ExtLogRecord) written.get(0);
        assertThat(line.getMessage()).isEqualTo("[id-1] GET /api/stock 200 0.4ms");
        assertThat(line.getLevel().intValue()).isEqualTo(Level.INFO.intValue());
        assertThat(line.getInstant()).isBetween(before.minusMillis(1), recorded.plusMillis(1));
        assertThat(line.getThreadName()).isEqualTo("vert.x-eventloop-thread-7");
        assertThat(line.getLongThreadID()).isEqualTo(request.getId());
    }

    @Test
    void aFullQueueDropsLinesAndSaysHowMany() {
        AccessLog log = new AccessLog(2);
        for (int i = 1; i <= 5; i++) {
            log.record("[id-" + i + "] GET /api/orders 200 0.1ms");
        }

        log.flush();

        assertThat(written).extracting(r -> ((ExtLogRecord) r).getFormattedMessage()).containsExactly(
                "[id-1] GET /api/orders 200 0.1ms", "[id-2] GET /api/orders 200 0.1ms",
                "3 access lines dropped: the log could not keep up");
        assertThat(written.get(2).getLevel().intValue()).isEqualTo(Level.WARNING.intValue());
    }
}
