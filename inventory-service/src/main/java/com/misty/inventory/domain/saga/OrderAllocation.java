package com.misty.inventory.domain.saga;

import java.util.List;

/**
 * The saga state of one order on the inventory side.
 *
 * @param answeredRevision the last revision answered (-1 before the placement is answered)
 * @param attempt          the event being handled right now, or null
 * @param lease            who may run the attempt's steps (null without an attempt, or for one stored before leases)
 */
public record OrderAllocation(String orderId, String clientId, SagaStatus status, long answeredRevision,
                              List<HeldLine> lines, SagaAttempt attempt, AttemptLease lease, List<String> processedEvents,
                              long version) {

    public boolean processed(String eventId) {
        return processedEvents.contains(eventId);
    }
}
