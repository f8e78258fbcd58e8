package com.misty.inventory.domain;

import com.misty.inventory.domain.saga.AllocationPlanner;
import com.misty.inventory.domain.saga.AllocationSagaStep;
import com.misty.inventory.domain.saga.AttemptKind;
import com.misty.inventory.domain.saga.HeldLine;
import com.misty.inventory.domain.saga.OrderAllocation;
import com.misty.inventory.domain.saga.SagaAction;
import com.misty.inventory.domain.saga.SagaAttempt;
import com.misty.inventory.domain.saga.SagaProgress;
import com.misty.inventory.domain.saga.SagaStatus;
import com.misty.inventory.domain.saga.StepState;
import com.misty.inventory.domain.saga.TargetLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The saga's decision rules, driven as the service drives them: ask, "execute", record, ask again. */
class SagaProgressTest {

    private static final String ORDER = "o-1";

    private static final List<HeldLine> HELD = List.of(new HeldLine(1, "board", "a1", 10),
            new HeldLine(2, "film", "a2", 10), new HeldLine(3, "ink", "a3", 4));

    @Test
    void aShortLineStopsTakingChecksTheUntriedLinesAndUndoesTheDoneTakesLastFirst() {
        SagaProgress progress = progress(SagaStatus.NEW, -1, List.of(), AllocationPlanner.plan("e1", AttemptKind.PLACE,
                ORDER, 0, List.of(), List.of(new TargetLine(1, "board", 10), new TargetLine(2, "film", 5),
                        new TargetLine(3, "ink", 7), new TargetLine(4, "glue", 2), new TargetLine(5, "tape", 9))));

        done(progress, run(progress.next(), 1));
        done(progress, run(progress.next(), 2));
        progress.recorded(run(progress.next(), 3).withState(StepState.SHORT, 4));

        // Lines 4 and 5 are not taken any more, only read: line 4 has enough, line 5 lacks stock.
        SagaAction.Check enough = check(progress.next(), 4);
        assertThat(enough.shortAt(2)).isEmpty();
        SagaAction.Check lacking = check(progress.next(), 5);
        lacking.shortAt(8).ifPresent(progress::recorded);

        progress.recorded(undo(progress.next(), 2).undone());
        progress.recorded(undo(progress.next(), 1).undone());

        SagaAction.Reject reject = (SagaAction.Reject) progress.next();
        assertThat(reject.status()).isEqualTo(SagaStatus.REJECTED);
        assertThat(reject.revision()).isZero();
        assertThat(reject.lines()).isEmpty();
        assertThat(reject.shortages()).extracting(s -> s.line(), s -> s.requested(), s -> s.available())
                .containsExactly(tuple(3, 7L, 4L), tuple(5, 9L, 8L));
        assertThat(progress.attempt().steps()).extracting(AllocationSagaStep::line, AllocationSagaStep::state)
                .containsExactly(tuple(1, StepState.UNDONE), tuple(2, StepState.UNDONE), tuple(3, StepState.SHORT),
                        tuple(4, StepState.PLANNED), tuple(5, StepState.SHORT));
        assertThat(progress.next()).isEqualTo(reject);
    }

    @Test
    void aRejectedRevisionUndoesOnlyItsDoneIncreasesNeverRunsItsDecreasesAndKeepsTheHeldLines() {
        SagaProgress progress = progress(SagaStatus.ALLOCATED, 2, HELD, AllocationPlanner.plan("e2", AttemptKind.REVISE,
                ORDER, 3, HELD, List.of(new TargetLine(1, "board", 3), new TargetLine(2, "film", 12),
                        new TargetLine(3, "ink", 4), new TargetLine(5, "tape", 1))));

        done(progress, run(progress.next(), 2));
        progress.recorded(run(progress.next(), 5).withState(StepState.SHORT, 0));

        progress.recorded(undo(progress.next(), 2).undone());
        SagaAction.Reject reject = (SagaAction.Reject) progress.next();
        assertThat(reject.status()).isEqualTo(SagaStatus.ALLOCATED);
        assertThat(reject.revision()).isEqualTo(3);
        assertThat(reject.lines()).isEqualTo(HELD);
        assertThat(progress.attempt().steps()).filteredOn(s -> !s.increases())
                .extracting(AllocationSagaStep::state).containsOnly(StepState.PLANNED);
    }

    @Test
    void aRevisionGivesStockBackOnlyAfterEveryIncreaseIsDoneThenAllocatesTheNewLines() {
        SagaProgress progress = progress(SagaStatus.ALLOCATED, 2, HELD, AllocationPlanner.plan("e3", AttemptKind.REVISE,
                ORDER, 3, HELD, List.of(new TargetLine(1, "board", 3), new TargetLine(2, "film", 12),
                        new TargetLine(5, "tape", 1))));

        // Takes (lines 2 and 5) first, then the give-backs: line 1 decreases, line 3 is dropped.
        for (int line : new int[] {2, 5, 1, 3}) {
            SagaAction action = progress.next();
            assertThat(action).isInstanceOf(SagaAction.Run.class);
            done(progress, run(action, line));
        }

        SagaAction.Allocate allocate = (SagaAction.Allocate) progress.next();
        assertThat(allocate.status()).isEqualTo(SagaStatus.ALLOCATED);
        assertThat(allocate.revision()).isEqualTo(3);
        assertThat(allocate.lines()).extracting(HeldLine::line, HeldLine::quantity)
                .containsExactly(tuple(1, 3L), tuple(2, 12L), tuple(5, 1L));
        assertThat(allocate.allocated()).extracting(a -> a.allocationId())
                .containsExactly(AllocationPlanner.allocationId(ORDER, 1, 3), AllocationPlanner.allocationId(ORDER, 2, 3),
                        AllocationPlanner.allocationId(ORDER, 5, 3));
    }

    @Test
    void aCancellationGivesBackEveryLineAndReleasesThemKeepingTheAnsweredRevision() {
        SagaProgress progress = progress(SagaStatus.ALLOCATED, 2, HELD,
                AllocationPlanner.plan("e4", AttemptKind.CANCEL, ORDER, 2, HELD, List.of()));

        done(progress, run(progress.next(), 1));
        done(progress, run(progress.next(), 2));
        done(progress, run(progress.next(), 3));

        SagaAction.Release release = (SagaAction.Release) progress.next();
        assertThat(release.status()).isEqualTo(SagaStatus.RELEASED);
        assertThat(release.revision()).isEqualTo(2);
        assertThat(release.lines()).isEmpty();
        assertThat(release.releasedAllocationIds()).containsExactly("a1", "a2", "a3");
    }

    @Test
    void anInvalidEventIsDecidedAtOnce() {
        SagaProgress progress = progress(SagaStatus.NEW, -1, List.of(), AllocationPlanner.plan("e5", AttemptKind.PLACE,
                ORDER, 0, List.of(), List.of(new TargetLine(1, "board", -3))));

        SagaAction.Reject reject = (SagaAction.Reject) progress.next();
        assertThat(reject.status()).isEqualTo(SagaStatus.REJECTED);
        assertThat(reject.shortages()).extracting(s -> s.line()).containsExactly(1);
    }

    @Test
    void aResumedAttemptRunsOnlyTheStepsStillPlanned() {
        SagaAttempt planned = AllocationPlanner.plan("e6", AttemptKind.PLACE, ORDER, 0, List.of(),
                List.of(new TargetLine(1, "board", 10), new TargetLine(2, "film", 5)));
        SagaAttempt crashed = planned.withSteps(List.of(planned.steps().get(0).withState(StepState.DONE, 90),
                planned.steps().get(1)));
        SagaProgress progress = progress(SagaStatus.NEW, -1, List.of(), crashed);

        done(progress, run(progress.next(), 2));
        assertThat(progress.next()).isInstanceOf(SagaAction.Allocate.class);
    }

    @Test
    void aResumedAttemptThatWasAlreadyShortNeitherTakesNorChecksAgainButUndoes() {
        SagaAttempt planned = AllocationPlanner.plan("e7", AttemptKind.PLACE, ORDER, 0, List.of(),
                List.of(new TargetLine(1, "board", 10), new TargetLine(2, "film", 5), new TargetLine(3, "ink", 1)));
        SagaAttempt crashed = planned.withSteps(List.of(planned.steps().get(0).withState(StepState.DONE, 90),
                planned.steps().get(1).withState(StepState.SHORT, 1), planned.steps().get(2)));
        SagaProgress progress = progress(SagaStatus.NEW, -1, List.of(), crashed);

        progress.recorded(undo(progress.next(), 1).undone());
        assertThat(progress.next()).isInstanceOf(SagaAction.Reject.class);
        assertThat(progress.attempt().steps().get(2).state()).isEqualTo(StepState.PLANNED);
    }

    private static SagaProgress progress(SagaStatus status, long answeredRevision, List<HeldLine> held,
                                         SagaAttempt attempt) {
        return SagaProgress.of(new OrderAllocation(ORDER, "c-1", status, answeredRevision, held, attempt, null,
                List.of(), 1));
    }

    private static AllocationSagaStep run(SagaAction action, int line) {
        assertThat(action).isInstanceOf(SagaAction.Run.class);
        AllocationSagaStep step = ((SagaAction.Run) action).step();
        assertThat(step.line()).isEqualTo(line);
        return step;
    }

    private static SagaAction.Check check(SagaAction action, int line) {
        assertThat(action).isInstanceOf(SagaAction.Check.class);
        assertThat(((SagaAction.Check) action).step().line()).isEqualTo(line);
        return (SagaAction.Check) action;
    }

    private static SagaAction.Undo undo(SagaAction action, int line) {
        assertThat(action).isInstanceOf(SagaAction.Undo.class);
        assertThat(((SagaAction.Undo) action).step().line()).isEqualTo(line);
        return (SagaAction.Undo) action;
    }

    private static void done(SagaProgress progress, AllocationSagaStep step) {
        progress.recorded(step.withState(StepState.DONE, 100));
    }
}
