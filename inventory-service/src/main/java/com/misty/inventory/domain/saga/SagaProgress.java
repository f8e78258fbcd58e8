package com.misty.inventory.domain.saga;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The saga's decision rules for one stored attempt: which step runs next, what follows a short line, the undo
 * order, and when (and how) to decide. The service asks {@link #next()}, executes the action, reports each step
 * it recorded through {@link #recorded}, and asks again until the answer is a {@link SagaAction.Decision}.
 *
 * <p>The phases, in order: take (each planned take, in plan order, until one is short); check (after a short take,
 * the planned takes after it are only read); undo (when rejected: the done takes, last first, so stock returns in
 * the reverse order it was taken; give-backs never ran, the planner put them last); give back (when not rejected:
 * each planned give-back). An attempt resumed after a crash already rejected starts at undo, so it neither takes
 * nor checks again; any other resumes at the first take still planned.
 */
public final class SagaProgress {

    private enum Phase { TAKE, CHECK, UNDO, GIVE_BACK }

    private final OrderAllocation saga;
    private final List<AllocationSagaStep> steps;
    private Phase phase;
    private int cursor;

    private SagaProgress(OrderAllocation saga) {
        this.saga = saga;
        this.steps = new ArrayList<>(saga.attempt().steps());
        if (saga.attempt().rejected()) {
            startUndo();
        } else {
            phase = Phase.TAKE;
            cursor = 0;
        }
    }

    /** The progress of {@code saga}'s attempt as stored (its steps in the states recorded so far). */
    public static SagaProgress of(OrderAllocation saga) {
        Objects.requireNonNull(saga.attempt(), "the saga has no attempt to run");
        return new SagaProgress(saga);
    }

    /** The attempt with the steps as recorded so far. */
    public SagaAttempt attempt() {
        return saga.attempt().withSteps(steps);
    }

    /** What to do next; once it is a decision, every later call answers the same decision. */
    public SagaAction next() {
        while (true) {
            switch (phase) {
                case TAKE -> {
                    AllocationSagaStep take = nextForward(true);
                    if (take != null) {
                        return new SagaAction.Run(take);
                    }
                    if (attempt().rejected()) {
                        startUndo();
                    } else {
                        phase = Phase.GIVE_BACK;
                        cursor = 0;
                    }
                }
                case CHECK -> {
                    AllocationSagaStep untried = nextForward(true);
                    if (untried != null) {
                        return new SagaAction.Check(untried);
                    }
                    startUndo();
                }
                case UNDO -> {
                    while (cursor >= 0) {
                        AllocationSagaStep step = steps.get(cursor--);
                        if (step.increases() && step.state() == StepState.DONE) {
                            return new SagaAction.Undo(step);
                        }
                    }
                    return reject();
                }
                case GIVE_BACK -> {
                    AllocationSagaStep giveBack = nextForward(false);
                    if (giveBack != null) {
                        return new SagaAction.Run(giveBack);
                    }
                    return saga.attempt().kind() == AttemptKind.CANCEL ? release() : allocate();
                }
            }
        }
    }

    /**
     * A step the service recorded (the outcome of the action it was given). A take recorded SHORT stops taking:
     * the takes after it are only checked.
     */
    public void recorded(AllocationSagaStep step) {
        steps.set(step.index(), step);
        if (phase == Phase.TAKE && step.state() == StepState.SHORT) {
            phase = Phase.CHECK;
        }
    }

    /** The next planned step from the cursor on that takes stock ({@code takes}) or gives it back, or null. */
    private AllocationSagaStep nextForward(boolean takes) {
        while (cursor < steps.size()) {
            AllocationSagaStep step = steps.get(cursor++);
            if (step.increases() == takes && step.state() == StepState.PLANNED) {
                return step;
            }
        }
        return null;
    }

    private void startUndo() {
        phase = Phase.UNDO;
        cursor = steps.size() - 1;
    }

    /** A rejected placement leaves nothing held; a rejected revision or cancellation leaves the saga as it was. */
    private SagaAction.Reject reject() {
        SagaAttempt attempt = attempt();
        SagaStatus status = attempt.kind() == AttemptKind.PLACE ? SagaStatus.REJECTED : saga.status();
        return new SagaAction.Reject(status, attempt.revision(), saga.lines(), attempt.shortages());
    }

    /** A cancellation keeps the revision last answered and names every allocation it gave back. */
    private SagaAction.Release release() {
        return new SagaAction.Release(saga.answeredRevision(),
                steps.stream().map(AllocationSagaStep::fromAllocationId).filter(Objects::nonNull).toList());
    }

    private SagaAction.Allocate allocate() {
        SagaAttempt attempt = attempt();
        return new SagaAction.Allocate(attempt.revision(), attempt.resultingLines(saga.lines()));
    }
}
