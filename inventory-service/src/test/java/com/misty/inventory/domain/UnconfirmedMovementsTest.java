package com.misty.inventory.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UnconfirmedMovementsTest {

    @Test
    void theMissingSequenceNumbersAreTheUnconfirmedMovementsInOrderWithTheLevelAfterEach() {
        // Ledger: 1 receipt +100, 2 ?, 3 -10, 4 ?, 5 +5 ; record: ledger_seq 5, level 65.
        MovementDraft a = MovementDraft.open("a", 20, "u", AllocationSource.API, null, null);
        MovementDraft b = MovementDraft.adjustment(-10, "u", "damaged");
        List<Movement> numbered = UnconfirmedMovements.number("s", 5, 65, 0,
                Map.of(1L, 100L, 3L, -10L, 5L, 5L), List.of(a, b)).orElseThrow();

        assertThat(numbered).extracting(Movement::seq, Movement::levelAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 80L), org.assertj.core.groups.Tuple.tuple(4L, 60L));
        assertThat(numbered).extracting(m -> m.draft().movementId()).containsExactly(a.movementId(), b.movementId());
    }

    @Test
    void aRangeTooShortToHoldEveryUnconfirmedMovementAsksForMore() {
        MovementDraft a = MovementDraft.adjustment(1, "u", "x");
        MovementDraft b = MovementDraft.adjustment(1, "u", "y");
        assertThat(UnconfirmedMovements.number("s", 10, 10, 8, Map.of(9L, 1L), List.of(a, b))).isEmpty();
    }

    @Test
    void nothingUnconfirmedNumbersNothing() {
        assertThat(UnconfirmedMovements.number("s", 3, 3, 0, Map.of(1L, 1L, 2L, 1L, 3L, 1L), List.of()).orElseThrow()).isEmpty();
    }
}
