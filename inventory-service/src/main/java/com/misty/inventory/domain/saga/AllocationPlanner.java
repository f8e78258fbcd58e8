package com.misty.inventory.domain.saga;

import com.misty.contracts.inventory.StockShortage;
import com.misty.inventory.domain.Quantities;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns an order event into the stock steps that bring the order's held lines to its target lines.
 *
 * <p>Steps that take stock come first and steps that give stock back last: only takes can fail, so when one
 * does nothing has been given back yet and undoing the earlier takes restores the previous state exactly.
 * Allocation ids are derived from (order, line, revision), so redoing a step after a crash finds its own
 * earlier effect instead of taking a second time.
 */
public final class AllocationPlanner {

    private AllocationPlanner() {
    }

    public static String allocationId(String orderId, int line, long revision) {
        return UUID.nameUUIDFromBytes((orderId + "|" + line + "|" + revision).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Plans bringing {@code held} to {@code target} (for a cancellation, pass an empty target). */
    public static SagaAttempt plan(String eventId, AttemptKind kind, String orderId, long revision,
                                   List<HeldLine> held, List<TargetLine> target) {
        List<StockShortage> invalid = invalidLines(target);
        if (!invalid.isEmpty()) {
            return new SagaAttempt(eventId, kind, revision, target, List.of(), invalid);
        }
        Map<Integer, HeldLine> heldByLine = new HashMap<>();
        held.forEach(h -> heldByLine.put(h.line(), h));
        List<AllocationSagaStep> takes = new ArrayList<>();
        List<AllocationSagaStep> givesBack = new ArrayList<>();
        Set<Integer> targeted = new HashSet<>();
        for (TargetLine t : target) {
            targeted.add(t.line());
            HeldLine h = heldByLine.get(t.line());
            String newId = allocationId(orderId, t.line(), revision);
            if (t.quantity() == 0) {
                if (h != null) {
                    givesBack.add(step(h.line(), h.productId(), h.allocationId(), h.quantity(), null, 0));
                }
            } else if (h == null) {
                takes.add(step(t.line(), t.productId(), null, 0, newId, t.quantity()));
            } else if (!h.productId().equals(t.productId())) {
                takes.add(step(t.line(), t.productId(), null, 0, newId, t.quantity()));
                givesBack.add(step(h.line(), h.productId(), h.allocationId(), h.quantity(), null, 0));
            } else if (t.quantity() > h.quantity()) {
                takes.add(step(t.line(), t.productId(), h.allocationId(), h.quantity(), newId, t.quantity()));
            } else if (t.quantity() < h.quantity()) {
                givesBack.add(step(t.line(), t.productId(), h.allocationId(), h.quantity(), newId, t.quantity()));
            }
        }
        for (HeldLine h : held) {
            if (!targeted.contains(h.line())) {
                givesBack.add(step(h.line(), h.productId(), h.allocationId(), h.quantity(), null, 0));
            }
        }
        List<AllocationSagaStep> steps = new ArrayList<>(takes.size() + givesBack.size());
        takes.forEach(s -> steps.add(withIndex(s, steps.size())));
        givesBack.forEach(s -> steps.add(withIndex(s, steps.size())));
        return new SagaAttempt(eventId, kind, revision, target, steps, List.of());
    }

    private static List<StockShortage> invalidLines(List<TargetLine> target) {
        List<StockShortage> invalid = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (TargetLine t : target) {
            boolean badQuantity = t.quantity() != 0 && !Quantities.isValid(t.quantity());
            boolean badLine = t.productId() == null || t.productId().isBlank() || !seen.add(t.line());
            if (badQuantity || badLine) {
                invalid.add(new StockShortage(t.line(), t.productId(), t.quantity(), 0));
            }
        }
        return invalid;
    }

    private static AllocationSagaStep step(int line, String productId, String fromId, long fromQty, String toId, long toQty) {
        return new AllocationSagaStep(0, line, productId, fromId, fromQty, toId, toQty, StepState.PLANNED, 0);
    }

    private static AllocationSagaStep withIndex(AllocationSagaStep s, int index) {
        return new AllocationSagaStep(index, s.line(), s.productId(), s.fromAllocationId(), s.fromQuantity(),
                s.toAllocationId(), s.toQuantity(), s.state(), s.available());
    }
}
