package com.misty.inventory.domain;

import java.util.List;

/** One snapshot of a stock record's not-yet-archived movements, with the counters needed to number them. */
public record PendingLedger(String stockId, String productId, String clientId, long ledgerSeq, long level,
                            long projectedSeq, List<MovementDraft> movements) {

    public List<Movement> numbered() {
        return LedgerSequence.number(stockId, movements, ledgerSeq, level);
    }
}
