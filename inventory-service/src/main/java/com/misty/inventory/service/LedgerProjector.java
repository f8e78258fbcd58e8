package com.misty.inventory.service;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.EventTypes;
import com.misty.contracts.inventory.StockLevelChanged;
import com.misty.inventory.config.InventoryConfig;
import com.misty.inventory.domain.Movement;
import com.misty.inventory.domain.PendingLedger;
import com.misty.inventory.repository.AllocationRepository;
import com.misty.inventory.repository.MovementRepository;
import com.misty.inventory.repository.StockRepository;
import com.misty.platform.outbox.OutboxRelayService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Moves ledger entries from the stock records ({@code movements}, written atomically with each change) into
 * {@code stock_movements}, numbered and with the level after each; repairs the {@code allocations} projection;
 * and queues one {@code StockLevelChanged} per movement in the record's outbox in the same update that removes
 * the archived entries. Every step is idempotent, so a crash anywhere only repeats work.
 */
@ApplicationScoped
public class LedgerProjector {

    private static final Logger LOG = Logger.getLogger(LedgerProjector.class);

    private final StockRepository stock;
    private final MovementRepository movements;
    private final AllocationRepository allocations;
    private final OutboxRelayService outbox;
    private final InventoryConfig config;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public LedgerProjector(StockRepository stock, MovementRepository movements, AllocationRepository allocations,
                           OutboxRelayService outbox, InventoryConfig config) {
        this.stock = stock;
        this.movements = movements;
        this.allocations = allocations;
        this.outbox = outbox;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::loop, "ledger-projector");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** Asks for a pass now; called after every stock change. */
    public void nudge() {
        wakeUp.release();
    }

    /** @return how many movements were archived */
    public int projectOnce() {
        int archived = 0;
        for (PendingLedger snapshot : stock.withPendingMovements(config.ledger().batchSize())) {
            List<Movement> numbered = snapshot.numbered();
            if (numbered.isEmpty()) {
                continue;
            }
            movements.archive(numbered);
            numbered.forEach(m -> allocations.project(snapshot.stockId(), snapshot.productId(), snapshot.clientId(), m.draft()));
            List<EventEnvelope> events = numbered.stream().map(m -> levelChanged(snapshot, m)).toList();
            long lastSeq = numbered.get(numbered.size() - 1).seq();
            if (stock.markArchived(snapshot, lastSeq, numbered.stream().map(m -> m.draft().movementId()).toList(), events)) {
                archived += numbered.size();
            }
        }
        if (archived > 0) {
            outbox.nudge();
        }
        return archived;
    }

    private static EventEnvelope levelChanged(PendingLedger snapshot, Movement m) {
        StockLevelChanged payload = new StockLevelChanged(snapshot.stockId(), snapshot.productId(), snapshot.clientId(),
                m.levelAfter(), m.draft().type().name());
        // The movement id doubles as the event id: a re-queued copy is recognisably the same event.
        return new EventEnvelope(UUID.fromString(m.draft().movementId()), EventTypes.typeOf(payload), snapshot.stockId(),
                m.draft().at(), EventEnvelope.CURRENT_SCHEMA_VERSION, m.draft().actor(), payload);
    }

    private void loop() {
        while (running) {
            try {
                projectOnce();
            } catch (RuntimeException e) {
                LOG.warnf("Ledger projection pass failed, will retry: %s", e.getMessage());
            }
            try {
                if (wakeUp.tryAcquire(config.ledger().pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
