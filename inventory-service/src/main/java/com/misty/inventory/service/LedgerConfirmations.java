package com.misty.inventory.service;

import com.misty.inventory.repository.StockRepository;
import com.misty.platform.lifecycle.PollingWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes movements off their stock record once their ledger entries and allocations are written, in batches and off
 * the request's path. The confirmation only shortens the record's list of movements waiting for the ledger; nobody
 * waits for it, so a request hands its movement over and answers. One background thread then removes everything
 * handed over since its last pass: one {@code $pull} per record, all records in one bulk write. On a hot record that
 * is one write for the movements of many requests instead of a second write per request; while a pass runs, the next
 * batch gathers.
 *
 * <p>Nothing is lost with the queue: a movement not yet confirmed when the process dies (or when a pass fails) stays
 * on its record with its ledger entry written, and the ledger's repair finds it recorded and confirms it
 * ({@link Ledger#repair(String)}) in its first pass after the movement has waited
 * {@code misty.inventory.ledger.repair-after}.
 */
@ApplicationScoped
public class LedgerConfirmations {

    private static final Logger LOG = Logger.getLogger(LedgerConfirmations.class);
    /** When nothing wakes the thread: it only ever has work after a {@link #confirmLater}, which wakes it. */
    private static final Duration IDLE_PAUSE = Duration.ofSeconds(5);
    /** Movements taken per bulk write; a longer queue goes in several writes of one pass. */
    private static final int MAX_BATCH = 1_000;

    private record Pending(String stockId, String movementId) {
    }

    private final StockRepository stock;
    private final Queue<Pending> handedOver = new ConcurrentLinkedQueue<>();
    /** One writer at a time, so that {@link #flush()} returns only after a pass already under way has written too. */
    private final ReentrantLock writing = new ReentrantLock();
    private final PollingWorker worker;

    public LedgerConfirmations(StockRepository stock) {
        this.stock = stock;
        this.worker = new PollingWorker("ledger-confirmations", IDLE_PAUSE, woken -> {
            flush();
            return IDLE_PAUSE;
        });
    }

    /** The movement's ledger entry (and allocation) is written: take it off its record at the next pass. */
    public void confirmLater(String stockId, String movementId) {
        handedOver.add(new Pending(stockId, movementId));
        worker.wakeUp();
    }

    /** Confirms everything handed over so far, now; returns once it is written (or the write failed). */
    public void flush() {
        writing.lock();
        try {
            while (!handedOver.isEmpty()) {
                Map<String, List<String>> byRecord = new LinkedHashMap<>();
                int taken = 0;
                for (Pending next; taken < MAX_BATCH && (next = handedOver.poll()) != null; taken++) {
                    byRecord.computeIfAbsent(next.stockId(), id -> new ArrayList<>()).add(next.movementId());
                }
                try {
                    stock.confirm(byRecord);
                } catch (RuntimeException e) {
                    // Left on their records with their entries written: the ledger's repair confirms them.
                    LOG.warnf("Confirming %d movements failed, the ledger repair will: %s", taken, e.getMessage());
                }
            }
        } finally {
            writing.unlock();
        }
    }

    void onStart(@Observes StartupEvent event) {
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stopAfterPass();
        flush();
    }
}
