package com.misty.orders.domain;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.orders.ClientCreated;
import com.misty.contracts.orders.ClientUpdated;

import java.util.List;

/** The events a client announces, keyed by the client id. */
public final class ClientEvents {

    private ClientEvents() {
    }

    public static EventEnvelope created(Client client, String actor) {
        return EventEnvelope.of(client.id(), actor, new ClientCreated(client.id(), client.code(), client.name(),
                client.version()));
    }

    public static EventEnvelope updated(Client next, List<String> changedFields, String actor) {
        return EventEnvelope.of(next.id(), actor, new ClientUpdated(next.id(), next.code(), next.name(), next.active(),
                next.version(), changedFields));
    }
}
