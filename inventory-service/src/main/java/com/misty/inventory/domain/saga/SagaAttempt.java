package com.misty.inventory.domain.saga;

import com.misty.contracts.inventory.AllocatedLine;
import com.misty.contracts.inventory.StockShortage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The handling of one order event, stored on the order's saga document before the first stock change, so a
 * redelivery after a crash resumes exactly where it stopped.
 *
 * @param invalidLines lines the event itself got wrong (quantity out of range, repeated line): rejected at once
 */
public record SagaAttempt(String eventId, AttemptKind kind, long revision, List<TargetLine> target,
                          List<AllocationSagaStep> steps, List<StockShortage> invalidLines) {

    /** Some step lacked stock (or the event was invalid): the attempt can only end rejected. */
    public boolean rejected() {
        return !invalidLines.isEmpty() || steps.stream().anyMatch(s -> s.state() == StepState.SHORT);
    }

    public List<StockShortage> shortages() {
        List<StockShortage> shortages = new ArrayList<>(invalidLines);
        steps.stream().filter(s -> s.state() == StepState.SHORT)
                .map(s -> new StockShortage(s.line(), s.productId(), s.additionalQuantity(), s.available()))
                .forEach(shortages::add);
        return shortages;
    }

    /** The lines held once every step is done: untouched lines stay, stepped lines take the step's result. */
    public List<HeldLine> resultingLines(List<HeldLine> held) {
        Map<Integer, HeldLine> byLine = new TreeMap<>();
        if (kind != AttemptKind.CANCEL) {
            for (HeldLine h : held) {
                byLine.put(h.line(), h);
            }
        }
        for (AllocationSagaStep step : steps) {
            if (step.closesOnly()) {
                HeldLine current = byLine.get(step.line());
                if (current != null && current.allocationId().equals(step.fromAllocationId())) {
                    byLine.remove(step.line());
                }
            } else {
                byLine.put(step.line(), new HeldLine(step.line(), step.productId(), step.toAllocationId(), step.toQuantity()));
            }
        }
        return byLine.values().stream().sorted(Comparator.comparingInt(HeldLine::line)).toList();
    }

    /** This attempt with its steps in the states recorded since it was stored. */
    public SagaAttempt withSteps(List<AllocationSagaStep> recorded) {
        return new SagaAttempt(eventId, kind, revision, target, List.copyOf(recorded), invalidLines);
    }

    public static List<AllocatedLine> allocated(List<HeldLine> lines) {
        return lines.stream().map(h -> new AllocatedLine(h.line(), h.productId(), h.allocationId(), h.quantity())).toList();
    }
}
