package com.misty.inventory.domain;

/**
 * A ledger entry with its place in the record's history.
 *
 * @param seq        1 for the record's first movement, then +1 for each
 * @param levelAfter {@code quantity_on_hand} right after this movement
 */
public record Movement(MovementDraft draft, String stockId, long seq, long levelAfter) {
}
