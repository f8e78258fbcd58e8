package com.misty.inventory.domain;

import com.misty.inventory.domain.saga.AllocationPlanner;
import com.misty.inventory.domain.saga.AttemptKind;
import com.misty.inventory.domain.saga.HeldLine;
import com.misty.inventory.domain.saga.SagaAttempt;
import com.misty.inventory.domain.saga.AllocationSagaStep;
import com.misty.inventory.domain.saga.StepState;
import com.misty.inventory.domain.saga.TargetLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationPlannerTest {

    private static final String ORDER = "o-1";

    @Test
    void placingAnOrderTakesEveryLineUnderIdsDerivedFromOrderLineAndRevision() {
        SagaAttempt attempt = AllocationPlanner.plan("e1", AttemptKind.PLACE, ORDER, 0, List.of(),
                List.of(new TargetLine(1, "board", 10), new TargetLine(2, "film", 5)));

        assertThat(attempt.steps()).extracting(AllocationSagaStep::index, AllocationSagaStep::line, AllocationSagaStep::toQuantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1, 10L), org.assertj.core.groups.Tuple.tuple(1, 2, 5L));
        assertThat(attempt.steps()).allSatisfy(s -> {
            assertThat(s.opensNew()).isTrue();
            assertThat(s.state()).isEqualTo(StepState.PLANNED);
        });
        assertThat(attempt.steps().get(0).toAllocationId()).isEqualTo(AllocationPlanner.allocationId(ORDER, 1, 0))
                .isEqualTo(AllocationPlanner.allocationId(ORDER, 1, 0))
                .isNotEqualTo(AllocationPlanner.allocationId(ORDER, 1, 1));
    }

    @Test
    void aRevisionTakesIncreasesFirstAndGivesBackDecreasesLast() {
        List<HeldLine> held = List.of(new HeldLine(1, "board", "a1", 10), new HeldLine(2, "film", "a2", 10),
                new HeldLine(3, "ink", "a3", 4), new HeldLine(4, "glue", "a4", 2));
        SagaAttempt attempt = AllocationPlanner.plan("e2", AttemptKind.REVISE, ORDER, 3, held, List.of(
                new TargetLine(1, "board", 3),     // decrease
                new TargetLine(2, "film", 12),     // increase
                new TargetLine(3, "ink", 4),       // unchanged
                new TargetLine(5, "tape", 1)));    // new; line 4 dropped

        assertThat(attempt.steps()).extracting(AllocationSagaStep::line).containsExactly(2, 5, 1, 4);
        assertThat(attempt.steps()).extracting(AllocationSagaStep::increases).containsExactly(true, true, false, false);
        AllocationSagaStep increase = attempt.steps().get(0);
        assertThat(increase.fromAllocationId()).isEqualTo("a2");
        assertThat(increase.additionalQuantity()).isEqualTo(2);
        assertThat(attempt.steps().get(3).closesOnly()).isTrue();

        List<HeldLine> after = attempt.resultingLines(held);
        assertThat(after).extracting(HeldLine::line, HeldLine::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 3L), org.assertj.core.groups.Tuple.tuple(2, 12L),
                org.assertj.core.groups.Tuple.tuple(3, 4L), org.assertj.core.groups.Tuple.tuple(5, 1L));
        assertThat(after.get(2).allocationId()).isEqualTo("a3");
    }

    @Test
    void aLineThatChangesProductTakesTheNewProductAndGivesBackTheOld() {
        SagaAttempt attempt = AllocationPlanner.plan("e3", AttemptKind.REVISE, ORDER, 1,
                List.of(new HeldLine(1, "board", "a1", 10)), List.of(new TargetLine(1, "card", 10)));

        assertThat(attempt.steps()).extracting(AllocationSagaStep::productId, AllocationSagaStep::increases)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("card", true), org.assertj.core.groups.Tuple.tuple("board", false));
    }

    @Test
    void cancellingGivesBackEveryHeldLine() {
        SagaAttempt attempt = AllocationPlanner.plan("e4", AttemptKind.CANCEL, ORDER, 0,
                List.of(new HeldLine(1, "board", "a1", 10), new HeldLine(2, "film", "a2", 3)), List.of());

        assertThat(attempt.steps()).extracting(AllocationSagaStep::fromAllocationId).containsExactly("a1", "a2");
        assertThat(attempt.steps()).allSatisfy(s -> assertThat(s.closesOnly()).isTrue());
        assertThat(attempt.resultingLines(List.of(new HeldLine(1, "board", "a1", 10)))).isEmpty();
    }

    @Test
    void invalidLinesRejectTheEventWithoutAnyStep() {
        SagaAttempt attempt = AllocationPlanner.plan("e5", AttemptKind.PLACE, ORDER, 0, List.of(), List.of(
                new TargetLine(1, "board", -3), new TargetLine(2, "film", Quantities.MAX_PER_REQUEST + 1),
                new TargetLine(3, "ink", 2), new TargetLine(3, "ink", 2)));

        assertThat(attempt.steps()).isEmpty();
        assertThat(attempt.rejected()).isTrue();
        assertThat(attempt.shortages()).extracting(s -> s.line()).containsExactly(1, 2, 3);
    }

    @Test
    void aShortStepMakesTheAttemptRejectedAndReportsWhatWasMissing() {
        SagaAttempt planned = AllocationPlanner.plan("e6", AttemptKind.PLACE, ORDER, 0, List.of(),
                List.of(new TargetLine(1, "board", 10), new TargetLine(2, "film", 8)));
        AllocationSagaStep shortStep = planned.steps().get(1).withState(StepState.SHORT, 5);
        SagaAttempt after = new SagaAttempt("e6", AttemptKind.PLACE, 0, planned.target(),
                List.of(planned.steps().get(0).withState(StepState.DONE, 0), shortStep), List.of());

        assertThat(after.rejected()).isTrue();
        assertThat(after.shortages()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(2);
            assertThat(s.requested()).isEqualTo(8);
            assertThat(s.available()).isEqualTo(5);
        });
    }
}
