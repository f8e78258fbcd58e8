package com.misty.inventory.service;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.inventory.StockAllocated;
import com.misty.contracts.inventory.StockAllocationRejected;
import com.misty.contracts.inventory.StockReleased;
import com.misty.contracts.inventory.AllocatedLine;
import com.misty.contracts.inventory.ConsumedLine;
import com.misty.contracts.inventory.StockShortage;
import com.misty.contracts.inventory.StockConsumed;
import com.misty.contracts.orders.OrderCancelled;
import com.misty.contracts.orders.OrderCompleted;
import com.misty.contracts.orders.OrderLine;
import com.misty.contracts.orders.OrderPlaced;
import com.misty.contracts.orders.OrderRevised;
import com.misty.inventory.domain.AllocationSource;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.Quantities;
import com.misty.inventory.domain.StockChange;
import com.misty.inventory.domain.saga.AllocationPlanner;
import com.misty.inventory.config.InventoryConfig;
import com.misty.inventory.domain.saga.AttemptKind;
import com.misty.inventory.domain.saga.AttemptLease;
import com.misty.inventory.domain.saga.HeldLine;
import com.misty.inventory.domain.saga.OrderAllocation;
import com.misty.inventory.domain.saga.SagaAction;
import com.misty.inventory.domain.saga.SagaAttempt;
import com.misty.inventory.domain.saga.SagaProgress;
import com.misty.inventory.domain.saga.SagaStatus;
import com.misty.inventory.domain.saga.AllocationSagaStep;
import com.misty.inventory.domain.saga.StepState;
import com.misty.inventory.domain.saga.TargetLine;
import com.misty.inventory.domain.Allocation;
import com.misty.inventory.domain.AllocationStatus;
import com.misty.inventory.repository.AllocationRepository;
import com.misty.inventory.repository.OrderAllocationRepository;
import com.misty.inventory.repository.StockRepository;
import com.misty.inventory.repository.StockRepository.RecordMemory;
import com.misty.platform.events.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The inventory side of the order saga: {@code OrderPlaced} allocates every line or none,
 * {@code OrderRevised} moves the allocations to the new lines (all or nothing), {@code OrderCancelled}
 * releases them, {@code OrderCompleted} issues them to production. The plan is stored first, each stock step is idempotent by its allocation id and recorded
 * after it ran, and the answer is queued with the final state in one update, so redelivery after a crash at
 * any point resumes without taking or returning stock twice. An attempt is run by one replica at a time: the one
 * holding its lease ({@link AttemptLease}); another replica that meets the attempt (after a consumer-group
 * rebalance) waits until the lease is released or its time is up, then takes it over, which fences the old holder
 * out of every later write to the attempt.
 */
@ApplicationScoped
public class OrderAllocationSaga {

    private static final Logger LOG = Logger.getLogger(OrderAllocationSaga.class);
    static final String ACTOR = "order-saga";
    private static final String SERVICE = "inventory-service";
    private static final int MAX_RACES = 10;
    /** How often a replica waiting for another's lease looks again (the holder usually ends it in milliseconds). */
    private static final Duration LEASE_POLL = Duration.ofMillis(100);

    private final OrderAllocationRepository sagas;
    private final StockRepository stock;
    private final AllocationRepository allocations;
    private final Ledger ledger;
    private final ProductService products;
    /** This replica's name on the leases it takes: unique per process, so a restarted replica is a new holder. */
    private final String replica = SERVICE + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    private final Duration leaseLength;
    private final Clock clock = Clock.systemUTC();

    public OrderAllocationSaga(OrderAllocationRepository sagas, StockRepository stock, AllocationRepository allocations,
                               Ledger ledger, ProductService products, InventoryConfig config) {
        this.products = products;
        this.leaseLength = config.saga().lease();
        this.sagas = sagas;
        this.stock = stock;
        this.allocations = allocations;
        this.ledger = ledger;
    }

    public void handle(ReceivedEvent event) {
        String eventId = event.envelope().eventId().toString();
        if (event.is(OrderPlaced.class)) {
            OrderPlaced placed = event.payloadAs(OrderPlaced.class);
            handle(placed.orderId(), placed.clientId(), eventId, AttemptKind.PLACE, 0, targets(placed.lines()));
        } else if (event.is(OrderRevised.class)) {
            OrderRevised revised = event.payloadAs(OrderRevised.class);
            handle(revised.orderId(), revised.clientId(), eventId, AttemptKind.REVISE, revised.revision(),
                    targets(revised.lines()));
        } else if (event.is(OrderCancelled.class)) {
            handle(event.payloadAs(OrderCancelled.class).orderId(), null, eventId, AttemptKind.CANCEL, -1, List.of());
        } else if (event.is(OrderCompleted.class)) {
            complete(event.payloadAs(OrderCompleted.class), eventId);
        }
    }

    /**
     * Production completed the order: every held line's allocation is issued (the used part consumed, the rest
     * released), then {@code StockConsumed} is answered once for the order. Each issue is idempotent by its
     * allocation (a consumed one stays consumed, and its movement id is derived from it), so a redelivery after a
     * crash finishes the lines not yet issued and answers with what each line actually consumed.
     */
    private void complete(OrderCompleted completed, String eventId) {
        String orderId = completed.orderId();
        Map<Integer, BigDecimal> usage = new HashMap<>();
        if (completed.usage() != null) {
            completed.usage().forEach(u -> usage.put(u.line(), u.used()));
        }
        for (int race = 0; race < MAX_RACES; ) {
            OrderAllocation saga = sagas.findOrCreate(orderId, null);
            if (saga.processed(eventId)) {
                return;
            }
            if (saga.attempt() != null) {
                resume(saga);
                continue;
            }
            race++;
            if (saga.status() == SagaStatus.CONSUMED) {
                if (sagas.skip(saga, eventId, null)) {
                    return;
                }
                continue;
            }
            List<ConsumedLine> lines = new ArrayList<>();
            for (HeldLine held : saga.lines()) {
                int decimals = products.decimalsOf(held.productId());
                Allocation issued = issue(orderId, held, usedSteps(usage.get(held.line()), held.quantity(), decimals));
                lines.add(new ConsumedLine(held.line(), held.productId(), held.allocationId(),
                        Quantities.toUnits(issued.consumed(), decimals), Quantities.toUnits(issued.released(), decimals)));
            }
            if (sagas.consume(saga, eventId, answer(orderId, new StockConsumed(orderId, lines)))) {
                return;
            }
        }
        throw new IllegalStateException("Order " + orderId + " kept changing while event " + eventId + " was handled");
    }

    /**
     * Steps of the unit used of a line: all when not reported; rounded up to the unit's smallest step, never below
     * zero nor above what is allocated.
     */
    static long usedSteps(BigDecimal used, long allocated, int decimals) {
        if (used == null) {
            return allocated;
        }
        return used.movePointRight(decimals).setScale(0, RoundingMode.CEILING).max(BigDecimal.ZERO)
                .min(BigDecimal.valueOf(allocated)).longValue();
    }

    /** Order lines are whole units of the product's unit; stock counts steps of it. */
    private List<TargetLine> targets(List<OrderLine> lines) {
        return lines == null ? List.of() : lines.stream().map(l -> new TargetLine(l.line(), l.productId(),
                toSteps(l.productId(), l.quantity()))).toList();
    }

    private long toSteps(String productId, long wholeUnits) {
        if (wholeUnits <= 0 || wholeUnits > Quantities.MAX_PER_REQUEST) {
            return wholeUnits; // invalid either way; the planner reports it as it was asked
        }
        return wholeUnits * Quantities.stepsPerUnit(products.decimalsOf(productId));
    }

    private AllocatedLine inUnits(AllocatedLine line) {
        long per = Quantities.stepsPerUnit(products.decimalsOf(line.productId()));
        return new AllocatedLine(line.line(), line.productId(), line.allocationId(), line.quantity() / per);
    }

    private StockShortage inUnits(StockShortage shortage) {
        long per = Quantities.stepsPerUnit(products.decimalsOf(shortage.productId()));
        boolean asAsked = shortage.requested() > Quantities.MAX_PER_REQUEST * per || shortage.requested() <= 0;
        return new StockShortage(shortage.line(), shortage.productId(),
                asAsked ? shortage.requested() : (shortage.requested() + per - 1) / per, shortage.available() / per);
    }

    /** Issues a held line's allocation once, guarded as {@link #change} is against a stalled twin. */
    private Allocation issue(String orderId, HeldLine held, long used) {
        for (int read = 0; read < Ledger.MAX_READS_OF_A_BUSY_RECORD; read++) {
            Optional<Allocation> issued = issueOnce(orderId, held, used);
            if (issued.isPresent()) {
                return issued.get();
            }
        }
        throw new IllegalStateException("Stock of line " + held.line() + " of order " + orderId
                + " moved on faster than it could be issued; retried");
    }

    /** The allocation once issued, or empty when the record moved on too far since it was read (read again). */
    private Optional<Allocation> issueOnce(String orderId, HeldLine held, long used) {
        Allocation allocation = allocations.findAllocation(held.allocationId()).orElse(null);
        String clientId = clientOf(allocation, orderId);
        RecordMemory memory = stock.memoryOf(held.productId(), clientId).orElseThrow(
                () -> new IllegalStateException("No stock record for line " + held.line() + " of order " + orderId));
        // Read after the record (see change): consumed by then means consumed before the record was read.
        allocation = allocations.findAllocation(held.allocationId()).orElse(null);
        if (allocation != null && allocation.status() == AllocationStatus.CONSUMED) {
            return Optional.of(allocation);
        }
        MovementDraft issue = MovementDraft.issue(held.allocationId(), held.quantity(), used, ACTOR,
                AllocationSource.ORDER_SAGA, orderId, held.line());
        StockChange change = stock.issueAllocation(held.productId(), clientId, issue, held.quantity(), memory);
        if (change instanceof StockChange.Outpaced) {
            return Optional.empty();
        }
        if (change instanceof StockChange.Applied applied) {
            ledger.complete(applied.after(), issue);
        } else if (change instanceof StockChange.AlreadyApplied already) {
            ledger.repair(already.current().id());
        } else {
            throw new IllegalStateException("No stock record for line " + held.line() + " of order " + orderId);
        }
        return Optional.of(allocations.findAllocation(held.allocationId()).orElseThrow());
    }

    private String clientOf(Allocation allocation, String orderId) {
        if (allocation != null) {
            return allocation.clientId();
        }
        return sagas.find(orderId).map(OrderAllocation::clientId).orElseThrow();
    }

    private void handle(String orderId, String clientId, String eventId, AttemptKind kind, long revision,
                        List<TargetLine> target) {
        for (int race = 0; race < MAX_RACES; ) {
            OrderAllocation saga = sagas.findOrCreate(orderId, clientId);
            if (saga.processed(eventId)) {
                return;
            }
            if (saga.attempt() != null) {
                // Ours after a crash, an earlier event's that was interrupted (it carries all it needs), or one
                // another replica is running right now (then wait for it).
                resume(saga);
                continue;
            }
            race++;
            if (isStale(saga, kind, revision)) {
                if (sagas.skip(saga, eventId, null)) {
                    return;
                }
                continue;
            }
            SagaAttempt attempt = kind == AttemptKind.CANCEL
                    ? AllocationPlanner.plan(eventId, kind, orderId, saga.answeredRevision(), saga.lines(), List.of())
                    : AllocationPlanner.plan(eventId, kind, orderId, revision, saga.lines(), target);
            AttemptLease lease = AttemptLease.first(replica, clock.instant(), leaseLength);
            Optional<OrderAllocation> begun = sagas.begin(saga, attempt, lease);
            if (begun.isPresent()) {
                finish(begun.get(), lease);
                return;
            }
        }
        throw new IllegalStateException("Order " + orderId + " kept changing while event " + eventId + " was handled");
    }

    /** An event that needs no stock change: the order is gone, or a newer state was already answered. */
    private static boolean isStale(OrderAllocation saga, AttemptKind kind, long revision) {
        if (saga.status() == SagaStatus.RELEASED || saga.status() == SagaStatus.CONSUMED) {
            return true;
        }
        return switch (kind) {
            case PLACE -> saga.answeredRevision() >= 0;
            case REVISE -> revision <= saga.answeredRevision();
            case CANCEL -> false;
        };
    }

    /**
     * Finishes a stored attempt once this replica holds its lease: at once when the lease is free (its holder
     * crashed and its time is up, or it is this replica's own), else after a short wait, returning for the caller to
     * read the saga again (the holder may have finished it meanwhile).
     */
    private void resume(OrderAllocation saga) {
        Instant now = clock.instant();
        AttemptLease held = saga.lease();
        if (held != null && !held.usableBy(replica, now)) {
            pause(held.remaining(now).compareTo(LEASE_POLL) < 0 ? held.remaining(now) : LEASE_POLL);
            return;
        }
        AttemptLease taken = held == null ? AttemptLease.first(replica, now, leaseLength)
                : held.takenOverBy(replica, now, leaseLength);
        if (sagas.takeOver(saga, taken, Date.from(now))) {
            if (held != null && !held.owner().equals(replica)) {
                LOG.infof("Took over the attempt of event %s on order %s from %s, whose lease ran out (fence %d)",
                        saga.attempt().eventId(), saga.orderId(), held.owner(), taken.fence());
            }
            finish(saga, taken);
        }
    }

    /**
     * Runs the attempt to its decision: {@link SagaProgress} says what comes next (a step to run, a level to check,
     * a step to undo, the decision), this executes it and records each step under the lease.
     */
    private void finish(OrderAllocation saga, AttemptLease lease) {
        Holding holding = new Holding(saga, lease);
        SagaProgress progress = SagaProgress.of(saga);
        String orderId = saga.orderId();
        String clientId = saga.clientId();
        while (true) {
            SagaAction action = progress.next();
            if (action instanceof SagaAction.Run run) {
                holding.requireUnexpired();
                record(holding, progress, run(orderId, clientId, run.step()));
            } else if (action instanceof SagaAction.Check check) {
                long available = stock.findByKey(check.step().productId(), clientId).map(s -> s.quantityOnHand()).orElse(0L);
                check.shortAt(available).ifPresent(step -> record(holding, progress, step));
            } else if (action instanceof SagaAction.Undo undo) {
                holding.requireUnexpired();
                undo(orderId, clientId, undo.step());
                record(holding, progress, undo.undone());
            } else if (action instanceof SagaAction.Decision decision) {
                sagas.decide(orderId, saga.attempt().eventId(), holding.fence, decision.status(), decision.revision(),
                        decision.lines(), answer(orderId, answerTo(orderId, decision)));
                return;
            }
        }
    }

    /** The event that answers the order: quantities in the product's unit, as the order side counts them. */
    private Object answerTo(String orderId, SagaAction.Decision decision) {
        if (decision instanceof SagaAction.Reject reject) {
            return new StockAllocationRejected(orderId, reject.revision(),
                    reject.shortages().stream().map(this::inUnits).toList());
        }
        if (decision instanceof SagaAction.Release release) {
            return new StockReleased(orderId, release.releasedAllocationIds());
        }
        SagaAction.Allocate allocate = (SagaAction.Allocate) decision;
        return new StockAllocated(orderId, allocate.revision(), allocate.allocated().stream().map(this::inUnits).toList());
    }

    /**
     * Records a step under this replica's lease (renewing it); if another replica took the attempt over meanwhile,
     * this one stops here: the new holder finishes the attempt from what is recorded.
     */
    private static void record(Holding holding, SagaProgress progress, AllocationSagaStep step) {
        holding.record(step);
        progress.recorded(step);
    }

    /**
     * This replica's hold on one attempt while it runs the steps: the fence its writes are guarded by, and until
     * when (by its own clock) the lease is its own. Each recorded step renews the lease. A stock step is not started
     * once that time has passed (the replica stalled, and another may be running the attempt): the stalled
     * replica's writes to the attempt are fenced out anyway, and this keeps it from even trying the next step.
     */
    private final class Holding {
        private final String orderId;
        private final String eventId;
        private final long fence;
        private Instant until;

        Holding(OrderAllocation saga, AttemptLease lease) {
            this.orderId = saga.orderId();
            this.eventId = saga.attempt().eventId();
            this.fence = lease.fence();
            this.until = lease.until();
        }

        void requireUnexpired() {
            if (!clock.instant().isBefore(until)) {
                throw new AttemptTakenOver(orderId, eventId, "its lease ran out");
            }
        }

        void record(AllocationSagaStep step) {
            Instant renewed = clock.instant().plus(leaseLength);
            if (!sagas.recordStep(orderId, eventId, fence, step, Date.from(renewed))) {
                throw new AttemptTakenOver(orderId, eventId, "another replica took it over");
            }
            until = renewed;
        }
    }

    /**
     * This replica may no longer run an attempt (it stalled past its lease). The event is handled again by the
     * consumer's retry: by then the new holder has finished the attempt, or this replica takes it back.
     */
    static final class AttemptTakenOver extends RuntimeException {
        AttemptTakenOver(String orderId, String eventId, String why) {
            super("Stopped the attempt of event " + eventId + " on order " + orderId + ": " + why);
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(Math.max(1, pause.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another replica's lease", e);
        }
    }

    /** Runs a step forward: open, close or replace the line's allocation. */
    private AllocationSagaStep run(String orderId, String clientId, AllocationSagaStep step) {
        StockChange change = change(orderId, clientId, step.productId(), step.line(),
                step.fromAllocationId(), step.fromQuantity(), step.toAllocationId(), step.toQuantity());
        if (change instanceof StockChange.Applied applied) {
            return step.withState(StepState.DONE, applied.after().quantityOnHand());
        }
        if (change instanceof StockChange.AlreadyApplied already) {
            return step.withState(StepState.DONE, already.current().quantityOnHand());
        }
        return step.withState(StepState.SHORT, change instanceof StockChange.Short shortOf ? shortOf.available() : 0);
    }

    /** Compensates a done step that took stock: back from its new allocation to its old one. */
    private void undo(String orderId, String clientId, AllocationSagaStep step) {
        change(orderId, clientId, step.productId(), step.line(),
                step.toAllocationId(), step.toQuantity(), step.fromAllocationId(), step.fromQuantity());
    }

    /**
     * Opens, closes or replaces a line's allocation. Each is idempotent by the allocation's status (a derived id
     * is opened once, a released one stays released) and, while its allocation document is not written yet, by
     * the movement id the record remembers. The record is read before the allocation: a replica that stalls
     * between these checks and its update (its lease ran out, another replica ran the step) has its update refused
     * however many movements followed, and reads again ({@link StockChange.Outpaced}).
     */
    private StockChange change(String orderId, String clientId, String productId, int line,
                               String fromId, long fromQuantity, String toId, long toQuantity) {
        for (int read = 0; read < Ledger.MAX_READS_OF_A_BUSY_RECORD; read++) {
            Optional<RecordMemory> memory = stock.memoryOf(productId, clientId);
            if (memory.isEmpty()) {
                return new StockChange.NoStock();
            }
            StockChange change = changeOnce(orderId, clientId, productId, line, fromId, fromQuantity, toId, toQuantity,
                    memory.get());
            if (!(change instanceof StockChange.Outpaced)) {
                return change;
            }
        }
        throw new IllegalStateException("Stock of " + productId + " for " + clientId
                + " moved on faster than line " + line + " of order " + orderId + " could change; retried");
    }

    private StockChange changeOnce(String orderId, String clientId, String productId, int line, String fromId,
                                   long fromQuantity, String toId, long toQuantity, RecordMemory memory) {
        MovementDraft movement;
        StockChange change;
        if (fromId == null) {
            movement = MovementDraft.open(toId, toQuantity, ACTOR, AllocationSource.ORDER_SAGA, orderId, line);
            if (allocations.findAllocation(toId).isPresent()) {
                return alreadyApplied(productId, clientId);
            }
            change = stock.openAllocation(productId, clientId, movement, memory);
        } else {
            Optional<Allocation> from = allocations.findAllocation(fromId);
            if (from.isPresent() && from.get().status() == AllocationStatus.RELEASED) {
                return alreadyApplied(productId, clientId);
            }
            if (toId == null) {
                movement = MovementDraft.close(fromId, fromQuantity, ACTOR, AllocationSource.ORDER_SAGA, orderId, line);
                change = stock.closeAllocation(productId, clientId, movement, fromQuantity, memory);
            } else {
                movement = MovementDraft.replace(fromId, fromQuantity, toId, toQuantity, ACTOR, orderId, line);
                change = stock.replaceAllocation(productId, clientId, movement, memory);
            }
        }
        if (change instanceof StockChange.Applied applied) {
            ledger.complete(applied.after(), movement);
        } else if (change instanceof StockChange.AlreadyApplied already) {
            // Applied before a crash, or by a replica that ran this step meanwhile: finish its ledger entry and
            // allocation now.
            ledger.repair(already.current().id());
        }
        return change;
    }

    private StockChange alreadyApplied(String productId, String clientId) {
        return stock.findByKey(productId, clientId).<StockChange>map(StockChange.AlreadyApplied::new)
                .orElseGet(StockChange.NoStock::new);
    }

    private static EventEnvelope answer(String orderId, Object payload) {
        return EventEnvelope.of(orderId, SERVICE, payload);
    }

}
