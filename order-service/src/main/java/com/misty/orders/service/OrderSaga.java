package com.misty.orders.service;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.inventory.StockAllocated;
import com.misty.contracts.inventory.StockAllocationRejected;
import com.misty.contracts.inventory.StockConsumed;
import com.misty.contracts.inventory.StockReleased;
import com.misty.contracts.orders.FieldChange;
import com.misty.orders.domain.HistoryEntry;
import com.misty.orders.domain.Order;
import com.misty.orders.domain.OrderEvents;
import com.misty.orders.domain.OrderHistory;
import com.misty.orders.domain.OrderLifecycle;
import com.misty.orders.domain.OrderSagaStep;
import com.misty.orders.repository.OrderRepository;
import com.misty.orders.repository.SaveOutcome;
import com.misty.platform.events.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The order side of the order→stock saga: inventory's answers move an order from PENDING_STOCK to CONFIRMED
 * or REJECTED, and settle a pending revision. Each answer is applied at most once (its event id is recorded
 * in the same update) and only in the state it answers (a state guard), so duplicates and late answers
 * change nothing.
 */
@ApplicationScoped
public class OrderSaga {

    private static final Logger LOG = Logger.getLogger(OrderSaga.class);
    /** Users may edit contact details at the same moment; re-read and decide again that often. */
    private static final int ATTEMPTS = 10;

    private final OrderRepository orders;
    private final OrderHistoryProjector history;
    private final Clock clock = Clock.systemUTC();

    private final SagaMetrics metrics;

    public OrderSaga(OrderRepository orders, OrderHistoryProjector history, SagaMetrics metrics) {
        this.orders = orders;
        this.history = history;
        this.metrics = metrics;
    }

    public void handle(ReceivedEvent event) {
        EventEnvelope envelope = event.envelope();
        if (event.is(StockAllocated.class)) {
            StockAllocated allocated = event.payloadAs(StockAllocated.class);
            apply(allocated.orderId(), envelope, allocated.revision() == 0
                    ? OrderSagaStep.confirmPlacement(allocated.allocations())
                    : OrderSagaStep.acceptRevision(allocated.revision(), allocated.allocations()));
        } else if (event.is(StockAllocationRejected.class)) {
            StockAllocationRejected rejected = event.payloadAs(StockAllocationRejected.class);
            apply(rejected.orderId(), envelope, rejected.revision() == 0
                    ? OrderSagaStep.rejectPlacement(rejected.shortages())
                    : OrderSagaStep.rejectRevision(rejected.revision(), rejected.shortages()));
        } else if (event.is(StockConsumed.class)) {
            recordStockConsumed(event.payloadAs(StockConsumed.class).orderId(), envelope);
        } else if (event.is(StockReleased.class)) {
            // The order is already CANCELLED when inventory releases its stock; nothing left to change.
            LOG.debugf("Stock of order %s released", event.payloadAs(StockReleased.class).orderId());
        }
    }

    /** Inventory issued the completed order's stock: recorded once, however often the answer arrives. */
    private void recordStockConsumed(String orderId, EventEnvelope envelope) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Order> found = orders.findOrder(orderId);
            if (found.isEmpty()) {
                LOG.warnf("%s for unknown order %s ignored", envelope.type(), orderId);
                return;
            }
            Order current = found.get();
            if (!OrderLifecycle.awaitsStockConsumption(current)) {
                LOG.infof("%s for order %s ignored: order is %s, stock consumed at %s", envelope.type(),
                        current.orderNumber(), current.status(), current.stockConsumedAt());
                return;
            }
            Order next = current.withStockConsumed(clock.instant(), envelope.actor());
            List<EventEnvelope> events = List.of(OrderEvents.updated(next, List.of(new FieldChange(
                    "stock_consumed_at", null, next.stockConsumedAt().toString())), envelope.actor()));
            SaveOutcome outcome = orders.saveStockConsumed(next, current.version(), envelope.eventId(), events,
                    OrderHistory.entry(current, next, HistoryEntry.Kind.STOCK_CONSUMED));
            if (outcome == SaveOutcome.SAVED) {
                history.project(orderId);
            }
            if (outcome != SaveOutcome.STALE) {
                return;
            }
        }
        throw new IllegalStateException("Order " + orderId + " kept changing while applying " + envelope.type());
    }

    private void apply(String orderId, EventEnvelope envelope, OrderSagaStep step) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Order> found = orders.findOrder(orderId);
            if (found.isEmpty()) {
                LOG.warnf("%s for unknown order %s ignored", envelope.type(), orderId);
                return;
            }
            Order current = found.get();
            if (!step.appliesTo(current)) {
                LOG.infof("%s (%s) for order %s ignored: order is %s, pending revision %s", envelope.type(),
                        step.name(), current.orderNumber(), current.status(),
                        current.pendingRevision() == null ? "none" : current.pendingRevision().revision());
                return;
            }
            Order next = step.applyTo(current, envelope.actor(), clock.instant());
            List<EventEnvelope> events = step.changesStatus()
                    ? List.of(OrderEvents.statusChanged(next, envelope.actor())) : OrderEvents.none();
            HistoryEntry.Kind kind = step.changesStatus() ? HistoryEntry.Kind.STATUS_CHANGED : HistoryEntry.Kind.REVISION;
            SaveOutcome outcome = orders.saveAnswer(next, current.version(), current.status(), envelope.eventId(), events,
                    OrderHistory.entry(current, next, kind));
            if (outcome == SaveOutcome.SAVED) {
                metrics.answered(step.answers(), step.accepts(), step.requestedAt(current), clock.instant());
                history.project(orderId);
            }
            if (outcome != SaveOutcome.STALE) {
                return;
            }
            metrics.retried(step.answers());
        }
        throw new IllegalStateException("Order " + orderId + " kept changing while applying " + envelope.type());
    }
}
