package com.misty.inventory.domain.saga;

import com.misty.contracts.inventory.AllocatedLine;
import com.misty.contracts.inventory.StockShortage;

import java.util.List;
import java.util.Optional;

/**
 * What the saga does next with an attempt ({@link SagaProgress#next()}): one stock step to run, a level to read,
 * one step to undo, or the decision that ends the attempt. The service executes it and records its outcome.
 */
public sealed interface SagaAction {

    /** Run a step forward: a take (which can come back SHORT) or a give-back. */
    record Run(AllocationSagaStep step) implements SagaAction {
    }

    /**
     * A take not tried because an earlier one was short: read the level it would need, so the answer names every
     * line that lacks stock (a reading, not a reservation).
     */
    record Check(AllocationSagaStep step) implements SagaAction {

        /** The step to record when {@code available} units are too few for it; nothing to record when enough. */
        public Optional<AllocationSagaStep> shortAt(long available) {
            return available < step.additionalQuantity()
                    ? Optional.of(step.withState(StepState.SHORT, available)) : Optional.empty();
        }
    }

    /** Compensate a done take: back from its new allocation to its old one. */
    record Undo(AllocationSagaStep step) implements SagaAction {

        /** The step as recorded once undone. */
        public AllocationSagaStep undone() {
            return step.withState(StepState.UNDONE, step.available());
        }
    }

    /** The end of the attempt: the saga's new state, stored together with the answer it queues. */
    sealed interface Decision extends SagaAction {

        SagaStatus status();

        /** The revision the saga has answered once decided. */
        long revision();

        /** The lines the order holds once decided. */
        List<HeldLine> lines();
    }

    /** Some line lacked stock (or the event was invalid): the order keeps what it held before. */
    record Reject(SagaStatus status, long revision, List<HeldLine> lines, List<StockShortage> shortages)
            implements Decision {
    }

    /** The order was cancelled: everything it held went back. */
    record Release(long revision, List<String> releasedAllocationIds) implements Decision {

        @Override
        public SagaStatus status() {
            return SagaStatus.RELEASED;
        }

        @Override
        public List<HeldLine> lines() {
            return List.of();
        }
    }

    /** Every line holds its target. */
    record Allocate(long revision, List<HeldLine> lines) implements Decision {

        @Override
        public SagaStatus status() {
            return SagaStatus.ALLOCATED;
        }

        public List<AllocatedLine> allocated() {
            return SagaAttempt.allocated(lines);
        }
    }
}
