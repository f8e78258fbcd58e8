package com.misty.inventory.service;

import com.misty.inventory.domain.Allocation;
import com.misty.inventory.domain.AllocationSource;
import com.misty.inventory.domain.AllocationStatus;
import com.misty.inventory.domain.InventoryProblems;
import com.misty.inventory.domain.Movement;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.Page;
import com.misty.inventory.domain.PendingLedger;
import com.misty.inventory.domain.Quantities;
import com.misty.inventory.domain.StockChange;
import com.misty.inventory.domain.StockItem;
import com.misty.inventory.repository.AllocationRepository;
import com.misty.inventory.repository.MovementRepository;
import com.misty.inventory.repository.StockRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Receipts, allocations, releases and adjustments of stock, each one atomic single-document change. */
@ApplicationScoped
public class StockService {

    private final StockRepository stock;
    private final AllocationRepository allocations;
    private final MovementRepository movements;
    private final LedgerProjector projector;

    public StockService(StockRepository stock, AllocationRepository allocations, MovementRepository movements,
                        LedgerProjector projector) {
        this.stock = stock;
        this.allocations = allocations;
        this.movements = movements;
        this.projector = projector;
    }

    /** An allocation and the stock level right after the change that made (or released) it. */
    public record AllocationOutcome(Allocation allocation, long quantityOnHandAfter) {
    }

    public StockItem receive(String productId, String clientId, long quantity, String reference, String actor) {
        requireValid(quantity, "quantity");
        StockItem after = stock.receive(productId, clientId, MovementDraft.receipt(quantity, actor, reference));
        projector.nudge();
        return after;
    }

    public AllocationOutcome allocate(String productId, String clientId, long quantity, String orderId, String actor) {
        requireValid(quantity, "quantity");
        String allocationId = UUID.randomUUID().toString();
        MovementDraft movement = MovementDraft.open(allocationId, quantity, actor, AllocationSource.API, orderId, null);
        StockChange change = stock.changeAllocation(productId, clientId, null, allocationId, quantity, movement);
        if (change instanceof StockChange.Applied applied) {
            StockItem after = applied.after();
            allocations.project(after.id(), productId, clientId, movement);
            projector.nudge();
            return new AllocationOutcome(new Allocation(allocationId, after.id(), productId, clientId, quantity, orderId,
                    null, AllocationSource.API, AllocationStatus.ALLOCATED, actor, movement.at(), null, null, null),
                    after.quantityOnHand());
        }
        if (change instanceof StockChange.Short shortOf) {
            throw InventoryProblems.insufficientStock(shortOf.available());
        }
        throw InventoryProblems.noStockFor(productId, clientId);
    }

    /** Puts an allocation back; releasing one that is already released changes nothing and answers the same. */
    public AllocationOutcome release(String allocationId, String actor) {
        Allocation allocation = allocations.findById(allocationId)
                .orElseThrow(() -> InventoryProblems.allocationNotFound(allocationId));
        if (allocation.source() == AllocationSource.ORDER_SAGA) {
            throw InventoryProblems.ownedByOrder(allocation.orderId());
        }
        MovementDraft movement = MovementDraft.close(allocationId, allocation.quantity(), actor, allocation.source(),
                allocation.orderId(), allocation.line());
        StockChange change = stock.changeAllocation(allocation.productId(), allocation.clientId(), allocationId, null, 0,
                movement);
        long level;
        if (change instanceof StockChange.Applied applied) {
            allocations.project(allocation.stockId(), allocation.productId(), allocation.clientId(), movement);
            projector.nudge();
            level = applied.after().quantityOnHand();
        } else if (change instanceof StockChange.AlreadyApplied already) {
            level = already.current().quantityOnHand();
        } else {
            throw InventoryProblems.stockNotFound(allocation.stockId());
        }
        return new AllocationOutcome(allocations.findById(allocationId).orElseThrow(), level);
    }

    public StockItem adjust(String productId, String clientId, long change, String reason, String actor) {
        if (change == 0 || !Quantities.isValid(Math.abs(change))) {
            throw InventoryProblems.invalidQuantity("quantity_change");
        }
        StockChange result = stock.adjust(productId, clientId, MovementDraft.adjustment(change, actor, reason));
        if (result instanceof StockChange.Applied applied) {
            projector.nudge();
            return applied.after();
        }
        if (result instanceof StockChange.Short shortOf) {
            throw InventoryProblems.belowZero(shortOf.available());
        }
        throw InventoryProblems.noStockFor(productId, clientId);
    }

    public StockItem get(String id) {
        return stock.findById(id).orElseThrow(() -> InventoryProblems.stockNotFound(id));
    }

    public Page<StockItem> list(String clientId, String productId, int page, int size) {
        return stock.list(clientId, productId, page, size);
    }

    public Allocation allocation(String id) {
        return allocations.findById(id).orElseThrow(() -> InventoryProblems.allocationNotFound(id));
    }

    /**
     * The ledger of one record after sequence {@code afterSeq}, oldest first. The record is read before the
     * archive so an entry archived in between is found in the archive (duplicates merge by movement id).
     */
    public List<Movement> movements(String stockId, long afterSeq, int limit) {
        PendingLedger snapshot = stock.pendingLedger(stockId).orElseThrow(() -> InventoryProblems.stockNotFound(stockId));
        Map<String, Movement> merged = new LinkedHashMap<>();
        movements.after(stockId, afterSeq, limit).forEach(m -> merged.put(m.draft().movementId(), m));
        snapshot.numbered().stream().filter(m -> m.seq() > afterSeq).forEach(m -> merged.putIfAbsent(m.draft().movementId(), m));
        return merged.values().stream().sorted(Comparator.comparingLong(Movement::seq)).limit(limit).toList();
    }

    private static void requireValid(long quantity, String field) {
        if (!Quantities.isValid(quantity)) {
            throw InventoryProblems.invalidQuantity(field);
        }
    }
}
