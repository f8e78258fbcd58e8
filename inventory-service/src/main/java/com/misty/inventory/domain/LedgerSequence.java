package com.misty.inventory.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers the not-yet-archived movements of one stock record from a single snapshot of it.
 *
 * <p>Every update that changes {@code quantity_on_hand} also appends exactly one movement and increments
 * {@code ledger_seq} by one, all in one atomic single-document update. So in any snapshot the last pending
 * movement carries the current {@code ledger_seq} and leaves the current level, and walking backwards
 * subtracts one step at a time. No second write is needed to learn "the level after" an {@code $inc}.
 */
public final class LedgerSequence {

    private LedgerSequence() {
    }

    public static List<Movement> number(String stockId, List<MovementDraft> pending, long ledgerSeq, long level) {
        List<Movement> numbered = new ArrayList<>(pending.size());
        long seq = ledgerSeq - pending.size();
        long running = level;
        for (MovementDraft draft : pending) {
            running -= draft.quantityChange();
        }
        for (MovementDraft draft : pending) {
            seq++;
            running += draft.quantityChange();
            numbered.add(new Movement(draft, stockId, seq, running));
        }
        return numbered;
    }
}
