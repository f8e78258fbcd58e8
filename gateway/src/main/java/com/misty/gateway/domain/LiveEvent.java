package com.misty.gateway.domain;

/**
 * One event as the live stream pushes it.
 *
 * @param id          the SSE id: the {@link StreamPosition} right after this event (see {@link EventRing})
 * @param partition   the Kafka partition it came from, as {@code topic:partition}
 * @param offset      its offset in that partition
 * @param topic       the topic it came from, which decides who may see it
 * @param type        the envelope's type, e.g. {@code OrderStatusChanged} (the SSE event name)
 * @param ownerUserId the user the event is about, when it concerns one person ({@code employee_user_id} of
 *                    payroll events, {@code user_id} of auth events); null otherwise
 * @param json        the event envelope as published
 */
public record LiveEvent(String id, String partition, long offset, String topic, String type, String ownerUserId,
                        String json) {
}
