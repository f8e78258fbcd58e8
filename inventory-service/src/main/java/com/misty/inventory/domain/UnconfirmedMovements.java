package com.misty.inventory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Numbers the movements a crashed writer applied to a stock record but never wrote to the ledger.
 *
 * <p>Every movement bumps {@code ledger_seq} by one in the update that applies it and is kept in the record's
 * {@code unconfirmed} list (in the order applied) until its ledger entry exists. So the sequence numbers up to
 * {@code ledger_seq} missing from the ledger are exactly the unconfirmed movements, in the same order; and the
 * level after each follows from the current level by subtracting the later changes.
 */
public final class UnconfirmedMovements {

    private UnconfirmedMovements() {
    }

    /**
     * @param ledgerSeq      the record's {@code ledger_seq} in the snapshot that listed {@code unconfirmed}
     * @param level          its {@code quantity_on_hand} in that snapshot
     * @param ledgerFrom     the ledger was read for sequence numbers {@code > ledgerFrom} and {@code <= ledgerSeq}
     * @param recorded       sequence number → quantity change of the ledger entries found in that range
     * @param unconfirmed    the record's unconfirmed movements not found in the ledger, in the order applied
     * @return the numbered movements, or empty when the range read was too short to place all of them
     */
    public static Optional<List<Movement>> number(String stockId, long ledgerSeq, long level, long ledgerFrom,
                                                  Map<Long, Long> recorded, List<MovementDraft> unconfirmed) {
        TreeSet<Long> gaps = new TreeSet<>();
        for (long seq = ledgerFrom + 1; seq <= ledgerSeq; seq++) {
            if (!recorded.containsKey(seq)) {
                gaps.add(seq);
            }
        }
        if (gaps.size() < unconfirmed.size()) {
            return Optional.empty();
        }
        List<Long> seqs = new ArrayList<>(gaps.descendingSet()).subList(0, unconfirmed.size());
        java.util.Collections.reverse(seqs);
        Map<Long, MovementDraft> placed = new java.util.HashMap<>();
        for (int i = 0; i < seqs.size(); i++) {
            placed.put(seqs.get(i), unconfirmed.get(i));
        }
        List<Movement> numbered = new ArrayList<>();
        long running = level;
        long lowest = seqs.isEmpty() ? ledgerSeq + 1 : seqs.get(0);
        for (long seq = ledgerSeq; seq >= lowest; seq--) {
            MovementDraft draft = placed.get(seq);
            if (draft != null) {
                numbered.add(0, new Movement(draft, stockId, seq, running));
                running -= draft.quantityChange();
            } else {
                running -= recorded.getOrDefault(seq, 0L);
            }
        }
        return Optional.of(numbered);
    }
}
