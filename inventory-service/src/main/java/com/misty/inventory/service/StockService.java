package com.misty.inventory.service;

import com.misty.inventory.domain.Allocation;
import com.misty.inventory.domain.AllocationSource;
import com.misty.inventory.domain.AllocationStatus;
import com.misty.inventory.domain.InventoryProblems;
import com.misty.inventory.domain.Movement;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.Page;
import com.misty.inventory.domain.Quantities;
import com.misty.inventory.domain.StockChange;
import com.misty.inventory.domain.StockItem;
import com.misty.inventory.repository.AllocationRepository;
import com.misty.inventory.repository.MovementRepository;
import com.misty.inventory.repository.StockRepository;
import com.misty.inventory.repository.StockRepository.RecordMemory;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Receipts, allocations, releases and adjustments of stock, each one atomic single-document change. */
@ApplicationScoped
public class StockService {

    /** How long the loser of a concurrent release or issue waits for the winner to finish (it takes milliseconds). */
    private static final java.time.Duration CLAIM_SETTLE_WAIT = java.time.Duration.ofSeconds(2);

    private final StockRepository stock;
    private final AllocationRepository allocations;
    private final MovementRepository movements;
    private final Ledger ledger;
    private final ProductService products;

    public StockService(StockRepository stock, AllocationRepository allocations, MovementRepository movements,
                        Ledger ledger, ProductService products) {
        this.stock = stock;
        this.allocations = allocations;
        this.movements = movements;
        this.ledger = ledger;
        this.products = products;
    }

    /** The product's unit and decimals: quantities of its stock are counted in steps of 10^-decimals. */
    public ProductService.CountedIn countedIn(String productId) {
        return products.countedIn(productId);
    }

    /** An allocation and the stock level right after the change that made (or released) it. */
    public record AllocationOutcome(Allocation allocation, long quantityOnHandAfter) {
    }

    /** Receives stock in the product's unit (whole units for a product not in the catalogue). */
    public StockItem receive(String productId, String clientId, BigDecimal quantity, String reference, String actor) {
        // Cached once stock of the product exists (its unit is fixed then): a receipt reads the catalogue only
        // for a product's first stock.
        ProductService.CountedIn unit = products.countedIn(productId);
        long steps = steps(quantity, "quantity", unit.unit(), unit.decimals());
        MovementDraft receipt = MovementDraft.receipt(steps, actor, reference);
        StockItem after = stock.receive(productId, clientId, unit.unit(), unit.decimals(), receipt);
        ledger.complete(after, receipt);
        return after;
    }

    public AllocationOutcome allocate(String productId, String clientId, BigDecimal amount, String orderId, String actor) {
        long quantity = steps(amount, "quantity", productId);
        String allocationId = UUID.randomUUID().toString();
        MovementDraft movement = MovementDraft.open(allocationId, quantity, actor, AllocationSource.API, orderId, null);
        StockChange change = stock.openAllocation(productId, clientId, movement);
        if (change instanceof StockChange.Applied applied) {
            StockItem after = applied.after();
            ledger.complete(after, movement);
            return new AllocationOutcome(new Allocation(allocationId, after.id(), productId, clientId, quantity, orderId,
                    null, AllocationSource.API, AllocationStatus.ALLOCATED, actor, movement.at(), null, null, null, 0),
                    after.quantityOnHand());
        }
        if (change instanceof StockChange.Short shortOf) {
            throw InventoryProblems.insufficientStock(shortOf.available());
        }
        throw InventoryProblems.noStockFor(productId, clientId);
    }

    /**
     * Puts an allocation back. The release is claimed on the allocation first (ALLOCATED → RELEASING), so of
     * several concurrent releases exactly one moves stock; the others, and later ones, change nothing and answer
     * the allocation as it stands.
     */
    public AllocationOutcome release(String allocationId, String actor) {
        Allocation allocation = allocations.findAllocation(allocationId)
                .orElseThrow(() -> InventoryProblems.allocationNotFound(allocationId));
        if (allocation.source() == AllocationSource.ORDER_SAGA) {
            throw InventoryProblems.ownedByOrder(allocation.orderId());
        }
        RecordMemory beforeClaim = memoryOf(allocation);
        if (allocations.claimRelease(allocationId, actor)) {
            MovementDraft close = MovementDraft.close(allocationId, allocation.quantity(), actor, allocation.source(),
                    allocation.orderId(), allocation.line());
            Optional<StockItem> after = ledger.applyClaimed(allocation, close, beforeClaim);
            if (after.isPresent()) {
                return new AllocationOutcome(allocations.findAllocation(allocationId).orElseThrow(), after.get().quantityOnHand());
            }
        }
        Allocation settled = afterAnotherClaim(allocationId);
        long level = stock.findItem(allocation.stockId()).map(StockItem::quantityOnHand)
                .orElseThrow(() -> InventoryProblems.stockNotFound(allocation.stockId()));
        return new AllocationOutcome(settled, level);
    }

    /**
     * The allocation's record as read before its release or issue is claimed: should the claimant stall after its
     * claim while the repair applies the movement, the update it sends at last is refused however many movements
     * followed ({@code StockRepository.notMovedOnSince}).
     */
    private RecordMemory memoryOf(Allocation allocation) {
        return stock.memoryOf(allocation.productId(), allocation.clientId())
                .orElseThrow(() -> InventoryProblems.stockNotFound(allocation.stockId()));
    }

    /**
     * The allocation once a concurrent claim has moved its stock: two people releasing the same allocation at once
     * both hear "released", not one of them "releasing". The winner finishes within milliseconds, so this waits
     * briefly; should the winner have died meanwhile, the ledger repair finishes its step and the claim is answered
     * as it stands.
     */
    private Allocation afterAnotherClaim(String allocationId) {
        long deadline = System.nanoTime() + CLAIM_SETTLE_WAIT.toNanos();
        Allocation current = allocations.findAllocation(allocationId).orElseThrow();
        while (current.status().isClaimed() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = allocations.findAllocation(allocationId).orElseThrow();
        }
        return current;
    }

    /**
     * Issues an allocation to production: {@code used} units (all when null) leave the stock, the rest goes back
     * to available, in one movement. The issue is claimed on the allocation first (ALLOCATED → ISSUING), so an
     * allocation is issued or released once, never both; a repeated issue answers the allocation as it stands.
     */
    public AllocationOutcome issue(String allocationId, BigDecimal used, String actor) {
        Allocation allocation = allocations.findAllocation(allocationId)
                .orElseThrow(() -> InventoryProblems.allocationNotFound(allocationId));
        if (allocation.source() == AllocationSource.ORDER_SAGA) {
            throw InventoryProblems.ownedByOrder(allocation.orderId());
        }
        long consumed = used == null ? allocation.quantity()
                : used.signum() == 0 ? 0 : steps(used, "quantity", allocation.productId());
        if (consumed > allocation.quantity()) {
            throw InventoryProblems.moreThanAllocated(allocation.quantity());
        }
        RecordMemory beforeClaim = memoryOf(allocation);
        if (allocations.claimIssue(allocationId, consumed, actor)) {
            MovementDraft issue = MovementDraft.issue(allocationId, allocation.quantity(), consumed, actor,
                    allocation.source(), allocation.orderId(), allocation.line());
            Optional<StockItem> after = ledger.applyClaimed(allocation, issue, beforeClaim);
            if (after.isPresent()) {
                return new AllocationOutcome(allocations.findAllocation(allocationId).orElseThrow(), after.get().quantityOnHand());
            }
        } else {
            Allocation current = allocations.findAllocation(allocationId).orElseThrow();
            if (current.status() != AllocationStatus.ISSUING && current.status() != AllocationStatus.CONSUMED) {
                throw InventoryProblems.notOpen(allocationId, current.status());
            }
        }
        Allocation settled = afterAnotherClaim(allocationId);
        long level = stock.findItem(allocation.stockId()).map(StockItem::quantityOnHand)
                .orElseThrow(() -> InventoryProblems.stockNotFound(allocation.stockId()));
        return new AllocationOutcome(settled, level);
    }

    public StockItem adjust(String productId, String clientId, BigDecimal amount, String reason, String actor) {
        long change = (long) amount.signum() * steps(amount.abs(), "quantity_change", productId);
        MovementDraft adjustment = MovementDraft.adjustment(change, actor, reason);
        StockChange result = stock.adjust(productId, clientId, adjustment);
        if (result instanceof StockChange.Applied applied) {
            ledger.complete(applied.after(), adjustment);
            return applied.after();
        }
        if (result instanceof StockChange.Short shortOf) {
            throw InventoryProblems.belowZero(shortOf.available());
        }
        throw InventoryProblems.noStockFor(productId, clientId);
    }

    public StockItem get(String id) {
        return stock.findItem(id).orElseThrow(() -> InventoryProblems.stockNotFound(id));
    }

    public Page<StockItem> list(String clientId, String productId, boolean belowReorder, int page, int size) {
        return stock.list(clientId, productId, belowReorder, page, size);
    }

    /** Sets a record's reorder level (in its unit), based on the setting read ({@code reorderVersion}). */
    public StockItem setReorderLevel(String stockId, BigDecimal level, long reorderVersion) {
        StockItem current = get(stockId);
        long steps = level.signum() == 0 ? 0
                : Quantities.toSteps(level, current.decimals())
                .orElseThrow(() -> InventoryProblems.invalidQuantity("reorder_level", current.unit(), current.decimals()));
        StockItem after = stock.setReorderLevel(stockId, reorderVersion, steps)
                .orElseThrow(() -> InventoryProblems.staleReorderLevel(stockId, get(stockId).reorderVersion()));
        ledger.checkLow(after);
        return get(stockId);
    }

    public Allocation allocation(String id) {
        return allocations.findAllocation(id).orElseThrow(() -> InventoryProblems.allocationNotFound(id));
    }

    /** A record (for its unit) and one page of its allocations still open (to be released or issued). */
    public record OpenAllocations(StockItem record, Page<Allocation> page) {
    }

    /** The allocations of one record still open, oldest first. */
    public OpenAllocations openAllocations(String stockId, int page, int size) {
        return new OpenAllocations(get(stockId), allocations.openOf(stockId, page, size));
    }

    /**
     * The ledger of one record after sequence {@code afterSeq}, oldest first. Movements still waiting on the
     * record for their entries (requests in flight, or a crashed one) are written first, so none is missed.
     */
    public List<Movement> movements(String stockId, long afterSeq, int limit) {
        stock.findItem(stockId).orElseThrow(() -> InventoryProblems.stockNotFound(stockId));
        ledger.repair(stockId);
        return movements.after(stockId, afterSeq, limit);
    }

    private long steps(BigDecimal quantity, String field, String productId) {
        ProductService.CountedIn unit = products.countedIn(productId);
        return steps(quantity, field, unit.unit(), unit.decimals());
    }

    private static long steps(BigDecimal quantity, String field, String unit, int decimals) {
        return Quantities.toSteps(quantity, decimals).orElseThrow(() -> InventoryProblems.invalidQuantity(field, unit, decimals));
    }
}
