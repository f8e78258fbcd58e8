package com.misty.gateway.domain;

/**
 * One event as the live stream pushes it.
 *
 * @param sequence  position in this gateway's stream (the SSE id), increasing by one per event
 * @param topic     the topic it came from, which decides who may see it
 * @param type      the envelope's type, e.g. {@code OrderStatusChanged} (the SSE event name)
 * @param ownerUserId the user the event is about, when it concerns one person ({@code employee_user_id} of
 *                  payroll events, {@code user_id} of auth events); null otherwise
 * @param json      the event envelope as published
 */
public record LiveEvent(long sequence, String topic, String type, String ownerUserId, String json) {
}
