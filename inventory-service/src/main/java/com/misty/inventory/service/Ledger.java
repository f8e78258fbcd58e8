package com.misty.inventory.service;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.EventTypes;
import com.misty.contracts.inventory.StockLevelChanged;
import com.misty.contracts.inventory.StockLowReached;
import com.misty.inventory.config.InventoryConfig;
import com.misty.platform.lifecycle.PollingWorker;
import com.misty.inventory.domain.Allocation;
import com.misty.inventory.domain.AllocationStatus;
import com.misty.inventory.domain.MovementType;
import com.misty.inventory.domain.Quantities;
import com.misty.inventory.domain.Movement;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.StockChange;
import com.misty.inventory.domain.StockItem;
import com.misty.inventory.domain.UnconfirmedMovements;
import com.misty.inventory.repository.AllocationRepository;
import com.misty.inventory.repository.MovementRepository;
import com.misty.inventory.repository.StockRepository;
import com.misty.inventory.repository.StockRepository.RecordMemory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The steps after a stock record's update: the ledger entry (with its {@code StockLevelChanged}), the allocation
 * document, and the confirmation that takes the movement off the record. The request does the first two right away
 * and hands the third to {@link LedgerConfirmations};
 * {@link #repair(String)} does them for movements whose writer crashed, and {@link #finishClaim(Allocation)}
 * finishes releases and issues claimed but never applied. Every step is idempotent, so doing one twice is harmless.
 */
@ApplicationScoped
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class);
    /**
     * Reads of a record a guarded movement may take: each further read means {@value StockRepository#RECENT_WINDOW}
     * other movements passed between a read and the update, so this is never reached in practice.
     */
    static final int MAX_READS_OF_A_BUSY_RECORD = 20;

    private final StockRepository stock;
    private final MovementRepository movements;
    private final AllocationRepository allocations;
    private final InventoryConfig config;
    private final LedgerConfirmations confirmations;
    private final PollingWorker repairs;

    public Ledger(StockRepository stock, MovementRepository movements, AllocationRepository allocations,
                  LedgerConfirmations confirmations, InventoryConfig config) {
        this.stock = stock;
        this.confirmations = confirmations;
        this.movements = movements;
        this.allocations = allocations;
        this.config = config;
        this.repairs = PollingWorker.every("ledger-repair", config.ledger().pollInterval(), this::repairStale);
    }

    /**
     * Writes the ledger entry and the allocation of a movement just applied; taking it off the record follows in a
     * batch ({@link LedgerConfirmations}), as nothing the caller answers depends on it.
     */
    public Movement complete(StockItem after, MovementDraft draft) {
        // The update returned the record right after it: its ledger_seq and level are this movement's.
        Movement movement = new Movement(draft, after.id(), after.version(), after.quantityOnHand());
        movements.record(movement, levelChanged(after.productId(), after.clientId(), movement));
        allocations.project(after.id(), after.productId(), after.clientId(), draft);
        confirmations.confirmLater(after.id(), draft.movementId());
        checkLow(after);
        return movement;
    }

    /**
     * Low stock: a record whose available quantity is under its reorder level gets its {@code low} flag and one
     * {@code StockLowReached} (flag and event in one update, {@code StockRepository.markLow}); at or above it the flag is
     * cleared, so the next fall is announced again. Evaluated from the record as this movement left it.
     */
    public void checkLow(StockItem after) {
        if (after.reorderLevel() == null) {
            return;
        }
        if (after.isBelowReorderLevel()) {
            if (!after.belowReorder()) {
                stock.markLow(after.id(), after.version(), stockLow(after));
            }
        } else if (after.belowReorder()) {
            stock.clearLow(after.id(), after.version());
        }
    }

    private static EventEnvelope stockLow(StockItem s) {
        return EventEnvelope.of(s.id(), "inventory-service", new StockLowReached(s.id(), s.productId(), s.clientId(),
                Quantities.toUnits(s.quantityOnHand(), s.decimals()), Quantities.toUnits(s.reorderLevel(), s.decimals()),
                s.unit()));
    }

    /**
     * Writes the ledger entries of the movements still unconfirmed on one record (applied, entry possibly
     * missing), numbering the missing ones by the gaps in the ledger, and confirms them all.
     */
    public void repair(String stockId) {
        Optional<StockRepository.Unconfirmed> read = stock.unconfirmed(stockId);
        if (read.isEmpty() || read.get().movements().isEmpty()) {
            return;
        }
        StockRepository.Unconfirmed snapshot = read.get();
        List<String> ids = snapshot.movements().stream().map(MovementDraft::movementId).toList();
        Set<String> recorded = new HashSet<>(movements.recorded(ids));
        long span = ids.size() + 1024L;
        List<Movement> numbered = null;
        while (numbered == null) {
            long from = Math.max(0, snapshot.ledgerSeq() - span);
            Set<String> inRange = new HashSet<>();
            Map<Long, Long> changes = movements.changesBetween(stockId, from, snapshot.ledgerSeq(), inRange);
            recorded.addAll(inRange);
            List<MovementDraft> missing = snapshot.movements().stream().filter(m -> !recorded.contains(m.movementId())).toList();
            Optional<List<Movement>> placed = UnconfirmedMovements.number(stockId, snapshot.ledgerSeq(), snapshot.level(),
                    from, changes, missing);
            if (placed.isPresent()) {
                numbered = placed.get();
            } else if (from == 0) {
                LOG.errorf("Stock %s: %d unconfirmed movements but fewer gaps in its ledger; left for inspection",
                        stockId, missing.size());
                return;
            } else {
                span *= 8;
            }
        }
        for (Movement m : numbered) {
            movements.record(m, levelChanged(snapshot.productId(), snapshot.clientId(), m));
        }
        snapshot.movements().forEach(m -> allocations.project(stockId, snapshot.productId(), snapshot.clientId(), m));
        stock.confirm(stockId, ids);
    }

    /** The movement a claimed allocation is waiting for: its release, or its issue of the claimed quantity. */
    public static MovementDraft claimedMovement(Allocation allocation, String actor) {
        String by = allocation.releasedBy() == null ? actor : allocation.releasedBy();
        return allocation.status() == AllocationStatus.ISSUING
                ? MovementDraft.issue(allocation.id(), allocation.quantity(), allocation.consumed(), by, allocation.source(),
                allocation.orderId(), allocation.line())
                : MovementDraft.close(allocation.id(), allocation.quantity(), by, allocation.source(), allocation.orderId(),
                allocation.line());
    }

    /**
     * Finishes a claimed release or issue whose stock movement may never have run: the movement is applied
     * unless the record or the ledger shows it was (its id is derived from the allocation's), then completed.
     */
    public void finishClaim(Allocation allocation) {
        applyClaimed(allocation, claimedMovement(allocation, "ledger-repair"), null);
    }

    /**
     * Applies the release or issue a claimed allocation waits for, once, and completes it. {@code memory} is the
     * record as its caller read it before it knew the movement not applied yet (the claimant: before its claim,
     * so nothing can have applied it in between unseen); null reads it now and checks the record and the ledger.
     * Answers the record right after the movement when this call applied it.
     */
    public Optional<StockItem> applyClaimed(Allocation allocation, MovementDraft movement, RecordMemory memory) {
        String movementId = movement.movementId();
        for (int read = 0; read < MAX_READS_OF_A_BUSY_RECORD; read++) {
            if (memory == null) {
                memory = stock.memoryOf(allocation.productId(), allocation.clientId()).orElse(null);
                if (memory == null || memory.remembers(movementId) || movements.isRecorded(movementId)) {
                    return settledBefore(allocation, movement);
                }
            }
            StockChange change = movement.type() == MovementType.ISSUE
                    ? stock.issueAllocation(allocation.productId(), allocation.clientId(), movement, allocation.quantity(), memory)
                    : stock.closeAllocation(allocation.productId(), allocation.clientId(), movement, allocation.quantity(), memory);
            if (change instanceof StockChange.Applied applied) {
                complete(applied.after(), movement);
                return Optional.of(applied.after());
            }
            if (!(change instanceof StockChange.Outpaced)) {
                return settledBefore(allocation, movement);
            }
            memory = null;
        }
        throw new IllegalStateException("Stock " + allocation.stockId() + " moved on faster than allocation "
                + allocation.id() + " could be settled; the repair tries again");
    }

    /** The claimed movement was applied before (by the claimant, or an earlier pass): finishes what it left. */
    private Optional<StockItem> settledBefore(Allocation allocation, MovementDraft movement) {
        repair(allocation.stockId());
        allocations.project(allocation.stockId(), allocation.productId(), allocation.clientId(), movement);
        return Optional.empty();
    }

    /** One pass of the safety net: records and releases left unfinished for longer than the grace period. */
    public void repairStale() {
        Date cutoff = new Date(System.currentTimeMillis() - config.ledger().repairAfter().toMillis());
        for (String stockId : stock.withUnconfirmedBefore(cutoff, config.ledger().batchSize())) {
            repair(stockId);
        }
        for (Allocation allocation : allocations.claimedBefore(cutoff, config.ledger().batchSize())) {
            finishClaim(allocation);
        }
    }

    static EventEnvelope levelChanged(String productId, String clientId, Movement m) {
        StockLevelChanged payload = new StockLevelChanged(m.stockId(), productId, clientId, m.levelAfter(),
                m.draft().type().name());
        // The movement id doubles as the event id: a re-queued copy is recognisably the same event.
        return new EventEnvelope(UUID.fromString(m.draft().movementId()), EventTypes.typeOf(payload), m.stockId(),
                m.draft().at(), EventEnvelope.CURRENT_SCHEMA_VERSION, m.draft().actor(), payload);
    }

    void onStart(@Observes StartupEvent event) {
        repairs.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        repairs.stop();
    }
}
