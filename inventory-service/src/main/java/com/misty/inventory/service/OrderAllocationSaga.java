package com.misty.inventory.service;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.inventory.StockAllocated;
import com.misty.contracts.inventory.StockAllocationRejected;
import com.misty.contracts.inventory.StockReleased;
import com.misty.contracts.orders.OrderCancelled;
import com.misty.contracts.orders.OrderLine;
import com.misty.contracts.orders.OrderPlaced;
import com.misty.contracts.orders.OrderRevised;
import com.misty.inventory.domain.AllocationSource;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.StockChange;
import com.misty.inventory.domain.saga.AllocationPlanner;
import com.misty.inventory.domain.saga.AttemptKind;
import com.misty.inventory.domain.saga.HeldLine;
import com.misty.inventory.domain.saga.OrderAllocation;
import com.misty.inventory.domain.saga.SagaAttempt;
import com.misty.inventory.domain.saga.SagaStatus;
import com.misty.inventory.domain.saga.SagaStep;
import com.misty.inventory.domain.saga.StepState;
import com.misty.inventory.domain.saga.TargetLine;
import com.misty.inventory.repository.AllocationRepository;
import com.misty.inventory.repository.OrderAllocationRepository;
import com.misty.inventory.repository.StockRepository;
import com.misty.platform.events.ReceivedEvent;
import com.misty.platform.outbox.OutboxRelayService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The inventory side of the order saga: {@code OrderPlaced} allocates every line or none,
 * {@code OrderRevised} moves the allocations to the new lines (all or nothing), {@code OrderCancelled}
 * releases them. The plan is stored first, each stock step is idempotent by its allocation id and recorded
 * after it ran, and the answer is queued with the final state in one update, so redelivery after a crash at
 * any point resumes without taking or returning stock twice.
 */
@ApplicationScoped
public class OrderAllocationSaga {

    static final String ACTOR = "order-saga";
    private static final String SERVICE = "inventory-service";
    private static final int MAX_RACES = 10;

    private final OrderAllocationRepository sagas;
    private final StockRepository stock;
    private final AllocationRepository allocations;
    private final LedgerProjector projector;
    private final OutboxRelayService outbox;

    public OrderAllocationSaga(OrderAllocationRepository sagas, StockRepository stock, AllocationRepository allocations,
                               LedgerProjector projector, OutboxRelayService outbox) {
        this.sagas = sagas;
        this.stock = stock;
        this.allocations = allocations;
        this.projector = projector;
        this.outbox = outbox;
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
        }
    }

    private void handle(String orderId, String clientId, String eventId, AttemptKind kind, long revision,
                        List<TargetLine> target) {
        for (int race = 0; race < MAX_RACES; race++) {
            OrderAllocation saga = sagas.findOrCreate(orderId, clientId);
            if (saga.processed(eventId)) {
                return;
            }
            if (saga.attempt() != null) {
                // Ours after a crash, or an earlier event's that was interrupted: it carries all it needs.
                finish(saga);
                continue;
            }
            if (isStale(saga, kind, revision)) {
                if (sagas.skip(saga, eventId, null)) {
                    return;
                }
                continue;
            }
            SagaAttempt attempt = kind == AttemptKind.CANCEL
                    ? AllocationPlanner.plan(eventId, kind, orderId, saga.answeredRevision(), saga.lines(), List.of())
                    : AllocationPlanner.plan(eventId, kind, orderId, revision, saga.lines(), target);
            if (sagas.begin(saga, attempt)) {
                finish(sagas.find(orderId).orElseThrow());
                return;
            }
        }
        throw new IllegalStateException("Order " + orderId + " kept changing while event " + eventId + " was handled");
    }

    /** An event that needs no stock change: the order is gone, or a newer state was already answered. */
    private static boolean isStale(OrderAllocation saga, AttemptKind kind, long revision) {
        if (saga.status() == SagaStatus.RELEASED) {
            return true;
        }
        return switch (kind) {
            case PLACE -> saga.answeredRevision() >= 0;
            case REVISE -> revision <= saga.answeredRevision();
            case CANCEL -> false;
        };
    }

    private void finish(OrderAllocation saga) {
        SagaAttempt attempt = saga.attempt();
        String clientId = saga.clientId();
        List<SagaStep> steps = new ArrayList<>(attempt.steps());
        if (!attempt.rejected()) {
            for (int i = 0; i < steps.size(); i++) {
                SagaStep step = steps.get(i);
                if (step.increases() && step.state() == StepState.PLANNED) {
                    SagaStep ran = run(saga.orderId(), clientId, step);
                    record(saga, attempt, steps, ran);
                    if (ran.state() == StepState.SHORT) {
                        reportOtherShortages(saga, attempt, steps, i + 1);
                        break;
                    }
                }
            }
        }
        SagaAttempt current = withSteps(attempt, steps);
        if (current.rejected()) {
            for (int i = steps.size() - 1; i >= 0; i--) {
                SagaStep step = steps.get(i);
                if (step.increases() && step.state() == StepState.DONE) {
                    undo(saga.orderId(), clientId, step);
                    record(saga, attempt, steps, step.withState(StepState.UNDONE, step.available()));
                }
            }
            SagaStatus status = attempt.kind() == AttemptKind.PLACE ? SagaStatus.REJECTED : saga.status();
            sagas.decide(saga.orderId(), attempt.eventId(), status, attempt.revision(), saga.lines(),
                    answer(saga.orderId(), new StockAllocationRejected(saga.orderId(), attempt.revision(), current.shortages())));
        } else {
            for (SagaStep step : List.copyOf(steps)) {
                if (!step.increases() && step.state() == StepState.PLANNED) {
                    record(saga, attempt, steps, run(saga.orderId(), clientId, step));
                }
            }
            List<HeldLine> lines = current.resultingLines(saga.lines());
            if (attempt.kind() == AttemptKind.CANCEL) {
                List<String> released = steps.stream().map(SagaStep::fromAllocationId).filter(Objects::nonNull).toList();
                sagas.decide(saga.orderId(), attempt.eventId(), SagaStatus.RELEASED, saga.answeredRevision(), List.of(),
                        answer(saga.orderId(), new StockReleased(saga.orderId(), released)));
            } else {
                sagas.decide(saga.orderId(), attempt.eventId(), SagaStatus.ALLOCATED, attempt.revision(), lines,
                        answer(saga.orderId(), new StockAllocated(saga.orderId(), attempt.revision(),
                                SagaAttempt.allocated(lines))));
            }
        }
        projector.nudge();
        outbox.nudge();
    }

    /**
     * Once one line lacks stock nothing more is taken, but the answer should name every line that lacks it:
     * the lines not yet tried are checked against the level they would need (a reading, not a reservation).
     */
    private void reportOtherShortages(OrderAllocation saga, SagaAttempt attempt, List<SagaStep> steps, int from) {
        for (int j = from; j < steps.size(); j++) {
            SagaStep step = steps.get(j);
            if (step.increases() && step.state() == StepState.PLANNED) {
                long available = stock.findByKey(step.productId(), saga.clientId()).map(s -> s.quantityOnHand()).orElse(0L);
                if (available < step.additionalQuantity()) {
                    record(saga, attempt, steps, step.withState(StepState.SHORT, available));
                }
            }
        }
    }

    private void record(OrderAllocation saga, SagaAttempt attempt, List<SagaStep> steps, SagaStep step) {
        sagas.recordStep(saga.orderId(), attempt.eventId(), step);
        steps.set(step.index(), step);
    }

    /** Runs a step forward: open, close or replace the line's allocation. */
    private SagaStep run(String orderId, String clientId, SagaStep step) {
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
    private void undo(String orderId, String clientId, SagaStep step) {
        change(orderId, clientId, step.productId(), step.line(),
                step.toAllocationId(), step.toQuantity(), step.fromAllocationId(), step.fromQuantity());
    }

    private StockChange change(String orderId, String clientId, String productId, int line,
                               String fromId, long fromQuantity, String toId, long toQuantity) {
        MovementDraft movement;
        if (fromId == null) {
            movement = MovementDraft.open(toId, toQuantity, ACTOR, AllocationSource.ORDER_SAGA, orderId, line);
        } else if (toId == null) {
            movement = MovementDraft.close(fromId, fromQuantity, ACTOR, AllocationSource.ORDER_SAGA, orderId, line);
        } else {
            movement = MovementDraft.replace(fromId, fromQuantity, toId, toQuantity, ACTOR, orderId, line);
        }
        StockChange change = stock.changeAllocation(productId, clientId, fromId, toId, toQuantity, movement);
        if (change instanceof StockChange.Applied applied) {
            allocations.project(applied.after().id(), productId, clientId, movement);
        }
        return change;
    }

    private static SagaAttempt withSteps(SagaAttempt attempt, List<SagaStep> steps) {
        return new SagaAttempt(attempt.eventId(), attempt.kind(), attempt.revision(), attempt.target(), List.copyOf(steps),
                attempt.invalidLines());
    }

    private static EventEnvelope answer(String orderId, Object payload) {
        return EventEnvelope.of(orderId, SERVICE, payload);
    }

    private static List<TargetLine> targets(List<OrderLine> lines) {
        return lines == null ? List.of()
                : lines.stream().map(l -> new TargetLine(l.line(), l.productId(), l.quantity())).toList();
    }
}
