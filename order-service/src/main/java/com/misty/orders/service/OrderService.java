package com.misty.orders.service;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.orders.FieldChange;
import com.misty.contracts.orders.LineUsage;
import com.misty.orders.domain.Client;
import com.misty.orders.domain.HistoryEntry;
import com.misty.orders.domain.NewOrder;
import com.misty.orders.domain.Order;
import com.misty.orders.domain.OrderChanges;
import com.misty.orders.domain.OrderEdit;
import com.misty.orders.domain.OrderEditPolicy;
import com.misty.orders.domain.OrderEvents;
import com.misty.orders.domain.OrderFilter;
import com.misty.orders.domain.OrderHistory;
import com.misty.orders.domain.OrderLifecycle;
import com.misty.orders.domain.OrderPage;
import com.misty.orders.domain.OrderProblems;
import com.misty.orders.domain.OrderSort;
import com.misty.orders.domain.OrderStatus;
import com.misty.orders.repository.OrderNumberGenerator;
import com.misty.orders.repository.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The use cases of orders. Every write is one single-document update guarded by the version the decision was
 * made on, so a decision is never stored over a state it did not see.
 */
@ApplicationScoped
public class OrderService {

    /** Cancel without a base version re-reads this often when others keep changing the order meanwhile. */
    private static final int CANCEL_ATTEMPTS = 3;
    /** A production step re-decides this often when users keep editing contact or notes meanwhile. */
    private static final int STEP_ATTEMPTS = 10;

    private final OrderRepository orders;
    private final OrderNumberGenerator numbers;
    private final ClientService clients;
    private final OrderHistoryProjector history;
    private final Clock clock;

    public OrderService(OrderRepository orders, OrderNumberGenerator numbers, ClientService clients,
                        OrderHistoryProjector history) {
        this.orders = orders;
        this.numbers = numbers;
        this.clients = clients;
        this.history = history;
        this.clock = Clock.systemUTC();
    }

    public Order place(NewOrder request, String actor) {
        Client client = clients.requireActive(request.clientId());
        Order order = Order.placed(UUID.randomUUID().toString(), numbers.next(), client.id(), client.name(),
                client.withChosenContact(request.details()), actor, clock.instant());
        orders.insert(order, List.of(OrderEvents.placed(order, actor), OrderEvents.statusChanged(order, actor)),
                OrderHistory.created(order));
        history.project(order.id());
        return order;
    }

    public Order get(String id) {
        return orders.findOrder(id).orElseThrow(() -> OrderProblems.notFound(id));
    }

    public OrderPage list(OrderFilter filter, OrderSort sort, int page, int size) {
        return new OrderPage(orders.find(filter, sort, page * size, size), page, size, orders.count(filter));
    }

    /** The same selection as {@link #list}, every page, one order at a time. */
    public void export(OrderFilter filter, OrderSort sort, java.util.function.Consumer<Order> each) {
        orders.forEach(filter, sort, each);
    }

    /** Applies {@code changes} made on {@code baseVersion}; a stale base version is a 409 with the current order. */
    public Order edit(String id, long baseVersion, OrderChanges changes, String actor) {
        Order current = get(id);
        if (current.version() != baseVersion) {
            throw OrderProblems.versionConflict(current);
        }
        OrderEdit edit = OrderEditPolicy.apply(current, changes.applyTo(current.details()), actor, clock.instant());
        List<FieldChange> changed = OrderHistory.changes(current, edit.next());
        List<EventEnvelope> events = new ArrayList<>();
        if (edit.requested() != null) {
            events.add(OrderEvents.revised(edit.next(), edit.requested(), actor));
        }
        if (!changed.isEmpty()) {
            events.add(OrderEvents.updated(edit.next(), changed, actor));
        }
        HistoryEntry entry = OrderHistory.entry(current, edit.next(), OrderHistory.editKind(current, edit.next()));
        Order saved = orders.save(edit.next(), baseVersion, events, entry).orElseThrow(() -> staleOrGone(id));
        history.project(id);
        return saved;
    }

    /** Every change of the order, oldest first (see {@link OrderHistoryProjector#history}). */
    public List<HistoryEntry> history(String id) {
        return history.history(id);
    }

    /** CONFIRMED → IN_PRODUCTION; with a base version only if the order is still at it. */
    public Order startProduction(String id, Optional<Long> baseVersion, String actor) {
        return step(id, baseVersion, OrderLifecycle.MAY_START_PRODUCTION,
                current -> OrderLifecycle.startProduction(current, actor, clock.instant()),
                next -> List.of(OrderEvents.statusChanged(next, actor)));
    }

    /**
     * IN_PRODUCTION → COMPLETED, announcing {@code OrderCompleted} (inventory consumes the stock) in the same write,
     * so it goes out exactly once however many completions race.
     */
    public Order complete(String id, Optional<Long> baseVersion, List<LineUsage> usage, String actor) {
        return step(id, baseVersion, OrderLifecycle.MAY_COMPLETE,
                current -> OrderLifecycle.complete(current, usage, actor, clock.instant()),
                next -> List.of(OrderEvents.completed(next, usage, actor), OrderEvents.statusChanged(next, actor)));
    }

    /**
     * Runs one step of the order's life: decided on the order as read, written only while it is still in
     * {@code from} at that version. A concurrent edit of contact or notes makes it decide again; a concurrent step
     * makes the decision fail (409 INVALID_STATE with the status the order is in now).
     */
    private Order step(String id, Optional<Long> baseVersion, OrderStatus from, UnaryOperator<Order> decide,
                       Function<Order, List<EventEnvelope>> events) {
        for (int attempt = 1; ; attempt++) {
            Order current = get(id);
            if (baseVersion.isPresent() && current.version() != baseVersion.get()) {
                throw OrderProblems.versionConflict(current);
            }
            Order next = decide.apply(current);
            Optional<Order> saved = orders.saveStep(next, current.version(), from, events.apply(next),
                    OrderHistory.entry(current, next, HistoryEntry.Kind.STATUS_CHANGED));
            if (saved.isPresent()) {
                history.project(id);
                return saved.get();
            }
            if (baseVersion.isPresent() || attempt == STEP_ATTEMPTS) {
                throw staleOrGone(id);
            }
        }
    }

    /**
     * Cancels the order; with a base version the cancel is refused when the order changed since. An order in
     * production needs {@code managerConfirmed}.
     */
    public Order cancel(String id, Optional<Long> baseVersion, String reason, boolean managerConfirmed, String actor) {
        for (int attempt = 1; ; attempt++) {
            Order current = get(id);
            if (baseVersion.isPresent() && current.version() != baseVersion.get()) {
                throw OrderProblems.versionConflict(current);
            }
            Order next = OrderEditPolicy.cancel(current, reason, managerConfirmed, actor, clock.instant());
            List<EventEnvelope> events = new ArrayList<>();
            events.add(OrderEvents.cancelled(next, actor));
            events.add(OrderEvents.statusChanged(next, actor));
            Optional<Order> saved = orders.save(next, current.version(), events,
                    OrderHistory.entry(current, next, HistoryEntry.Kind.CANCELLED));
            if (saved.isPresent()) {
                history.project(id);
                return saved.get();
            }
            if (baseVersion.isPresent() || attempt == CANCEL_ATTEMPTS) {
                throw staleOrGone(id);
            }
        }
    }

    private RuntimeException staleOrGone(String id) {
        return orders.findOrder(id).<RuntimeException>map(OrderProblems::versionConflict)
                .orElseGet(() -> OrderProblems.notFound(id));
    }
}
