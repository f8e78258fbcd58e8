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
 */
public record MovementDraft(String movementId, MovementType type, long quantityChange, String actor, Instant at,
                            String reason, String reference, AllocationEffect allocationEffect, String allocationId,
                            long allocationQuantity, String replacedAllocationId, AllocationSource source,
                            String orderId, Integer line) {

    public static MovementDraft receipt(long quantity, String actor, String reference) {
        return new MovementDraft(newId(), MovementType.RECEIPT, quantity, actor, Instant.now(), null, reference,
                null, null, 0, null, null, null, null);
    }

    public static MovementDraft adjustment(long change, String actor, String reason) {
        return new MovementDraft(newId(), MovementType.ADJUSTMENT, change, actor, Instant.now(), reason, null,
                null, null, 0, null, null, null, null);
    }

    public static MovementDraft open(String allocationId, long quantity, String actor, AllocationSource source,
                                     String orderId, Integer line) {
        return new MovementDraft(newId(), MovementType.ALLOCATION, -quantity, actor, Instant.now(), null, null,
                AllocationEffect.OPEN, allocationId, quantity, null, source, orderId, line);
    }

    public static MovementDraft close(String allocationId, long quantity, String actor, AllocationSource source,
                                      String orderId, Integer line) {
        return new MovementDraft(newId(), MovementType.RELEASE, quantity, actor, Instant.now(), null, null,
                AllocationEffect.CLOSE, allocationId, 0, allocationId, source, orderId, line);
    }

    /** Replaces allocation {@code fromId} of {@code fromQuantity} units by {@code toId} of {@code toQuantity}. */
    public static MovementDraft replace(String fromId, long fromQuantity, String toId, long toQuantity, String actor,
                                        String orderId, Integer line) {
        long change = fromQuantity - toQuantity;
        return new MovementDraft(newId(), change < 0 ? MovementType.ALLOCATION : MovementType.RELEASE, change, actor,
                Instant.now(), null, null, AllocationEffect.REPLACE, toId, toQuantity, fromId,
                AllocationSource.ORDER_SAGA, orderId, line);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
