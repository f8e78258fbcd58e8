package com.misty.inventory.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A ledger entry as it is written together with the stock change. Its sequence number and the level after
 * it are not known at that moment (the change is an {@code $inc}); {@link LedgerSequence} derives them.
 *
 * @param quantityChange       signed: negative takes stock, positive puts it back or adds
 * @param allocationId         the allocation opened or closed (for REPLACE: the new one)
 * @param allocationQuantity   the size of the opened/new allocation (0 when none is opened)
 * @param replacedAllocationId for REPLACE (and CLOSE): the allocation that ends
 * @param consumed             for ISSUE: what production used (left the stock); the rest is {@code quantityChange}
 */
public record MovementDraft(String movementId, MovementType type, long quantityChange, String actor, Instant at,
                            String reason, String reference, AllocationEffect allocationEffect, String allocationId,
                            long allocationQuantity, String replacedAllocationId, AllocationSource source,
                            String orderId, Integer line, long consumed) {

    public static MovementDraft receipt(long quantity, String actor, String reference) {
        return new MovementDraft(newId(), MovementType.RECEIPT, quantity, actor, Instant.now(), null, reference,
                null, null, 0, null, null, null, null, 0);
    }

    public static MovementDraft adjustment(long change, String actor, String reason) {
        return new MovementDraft(newId(), MovementType.ADJUSTMENT, change, actor, Instant.now(), reason, null,
                null, null, 0, null, null, null, null, 0);
    }

    public static MovementDraft open(String allocationId, long quantity, String actor, AllocationSource source,
                                     String orderId, Integer line) {
        return new MovementDraft(derivedId("open", allocationId), MovementType.ALLOCATION, -quantity, actor, Instant.now(), null, null,
                AllocationEffect.OPEN, allocationId, quantity, null, source, orderId, line, 0);
    }

    public static MovementDraft close(String allocationId, long quantity, String actor, AllocationSource source,
                                      String orderId, Integer line) {
        return new MovementDraft(derivedId("close", allocationId), MovementType.RELEASE, quantity, actor, Instant.now(), null, null,
                AllocationEffect.CLOSE, allocationId, 0, allocationId, source, orderId, line, 0);
    }

    /** Replaces allocation {@code fromId} of {@code fromQuantity} units by {@code toId} of {@code toQuantity}. */
    public static MovementDraft replace(String fromId, long fromQuantity, String toId, long toQuantity, String actor,
                                        String orderId, Integer line) {
        long change = fromQuantity - toQuantity;
        return new MovementDraft(derivedId("replace", fromId + ">" + toId), change < 0 ? MovementType.ALLOCATION : MovementType.RELEASE, change, actor,
                Instant.now(), null, null, AllocationEffect.REPLACE, toId, toQuantity, fromId,
                AllocationSource.ORDER_SAGA, orderId, line, 0);
    }

    /** Issues allocation {@code allocationId} of {@code allocated} units: {@code used} leaves, the rest goes back. */
    public static MovementDraft issue(String allocationId, long allocated, long used, String actor,
                                      AllocationSource source, String orderId, Integer line) {
        return new MovementDraft(derivedId("issue", allocationId), MovementType.ISSUE, allocated - used, actor,
                Instant.now(), null, null, AllocationEffect.ISSUE, allocationId, 0, allocationId, source, orderId, line,
                used);
    }

    /**
     * The movement that opens, closes or replaces an allocation has an id derived from the allocation ids, so a
     * step retried after a crash carries the same movement id and the record's {@code notYetApplied} guard
     * recognises it.
     */
    static String derivedId(String effect, String allocationIds) {
        return UUID.nameUUIDFromBytes((effect + ":" + allocationIds).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
