package com.misty.orders.service;

import com.misty.orders.domain.HistoryEntry;
import com.misty.orders.domain.OrderProblems;
import com.misty.orders.repository.OrderHistoryRepository;
import com.misty.orders.repository.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves history entries out of the order, where each change wrote its own entry in the same single-document update
 * (so the history can never miss or invent a change), into {@code order_history}: stored first (idempotent, by
 * id), pulled from the order after. Run right after every change; an entry a crash left on the order is moved by
 * the next change or read of that order's history, and reads merge it in meanwhile.
 */
@ApplicationScoped
public class OrderHistoryProjector {

    private static final Logger LOG = Logger.getLogger(OrderHistoryProjector.class);

    private final OrderRepository orders;
    private final OrderHistoryRepository history;

    public OrderHistoryProjector(OrderRepository orders, OrderHistoryRepository history) {
        this.orders = orders;
        this.history = history;
    }

    /** Moves the order's waiting entries; a failure leaves them on the order for the next run (never lost). */
    public void project(String orderId) {
        try {
            orders.pendingHistory(orderId).ifPresent(pending -> {
                if (!pending.entries().isEmpty()) {
                    history.store(pending.entries());
                    orders.dropPendingHistory(orderId, pending.entries());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "History of order %s not moved yet; it stays on the order until the next change or read", orderId);
        }
    }

    /**
     * Every change of the order, oldest first, exactly as the order stands when read: the entries still on the order
     * are read first, then the stored ones up to that version (an entry moved in between is in both and counted once).
     */
    public List<HistoryEntry> history(String orderId) {
        project(orderId);
        OrderRepository.PendingHistory pending = orders.pendingHistory(orderId)
                .orElseThrow(() -> OrderProblems.notFound(orderId));
        Map<String, HistoryEntry> entries = new LinkedHashMap<>();
        for (HistoryEntry entry : history.find(orderId, pending.version())) {
            entries.put(entry.id(), entry);
        }
        for (HistoryEntry entry : pending.entries()) {
            entries.putIfAbsent(entry.id(), entry);
        }
        return entries.values().stream().sorted(Comparator.comparingLong(HistoryEntry::version)).toList();
    }
}
