package com.misty.inventory.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerSequenceTest {

    @Test
    void numbersPendingMovementsBackwardsFromTheRecordsCounters() {
        // The record has had 7 movements (ledger_seq 7) and holds 55; the last three are not archived yet.
        List<MovementDraft> pending = List.of(
                MovementDraft.receipt(20, "u", "r"),
                MovementDraft.open("a1", 10, "u", AllocationSource.API, null, null),
                MovementDraft.adjustment(-5, "m", "damaged"));

        List<Movement> numbered = LedgerSequence.number("s1", pending, 7, 55);

        assertThat(numbered).extracting(Movement::seq).containsExactly(5L, 6L, 7L);
        assertThat(numbered).extracting(Movement::levelAfter).containsExactly(70L, 60L, 55L);
        assertThat(numbered).extracting(Movement::stockId).containsOnly("s1");
    }

    @Test
    void aRecordsFirstMovementIsSequenceOneAndLeavesItsOwnQuantity() {
        List<Movement> numbered = LedgerSequence.number("s1", List.of(MovementDraft.receipt(40, "u", null)), 1, 40);

        assertThat(numbered).singleElement().satisfies(m -> {
            assertThat(m.seq()).isEqualTo(1);
            assertThat(m.levelAfter()).isEqualTo(40);
        });
    }

    @Test
    void nothingPendingNumbersNothing() {
        assertThat(LedgerSequence.number("s1", List.of(), 9, 3)).isEmpty();
    }

    @Test
    void replacingAnAllocationMovesOnlyTheDifference() {
        MovementDraft bigger = MovementDraft.replace("a1", 10, "a2", 25, "saga", "o1", 1);
        MovementDraft smaller = MovementDraft.replace("a2", 25, "a3", 5, "saga", "o1", 1);

        assertThat(bigger.quantityChange()).isEqualTo(-15);
        assertThat(bigger.type()).isEqualTo(MovementType.ALLOCATION);
        assertThat(smaller.quantityChange()).isEqualTo(20);
        assertThat(smaller.type()).isEqualTo(MovementType.RELEASE);
    }

    @Test
    void quantitiesAreWholePositiveUnitsWithAnUpperBound() {
        assertThat(Quantities.isValid(1)).isTrue();
        assertThat(Quantities.isValid(Quantities.MAX_PER_REQUEST)).isTrue();
        assertThat(Quantities.isValid(0)).isFalse();
        assertThat(Quantities.isValid(-1)).isFalse();
        assertThat(Quantities.isValid(Quantities.MAX_PER_REQUEST + 1)).isFalse();
    }
}
