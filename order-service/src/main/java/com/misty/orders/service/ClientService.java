package com.misty.orders.service;

import com.misty.contracts.EventEnvelope;
import com.misty.orders.domain.Client;
import com.misty.orders.domain.ClientChanges;
import com.misty.orders.domain.ClientEvents;
import com.misty.orders.domain.ClientFilter;
import com.misty.orders.domain.ClientPage;
import com.misty.orders.domain.ClientProblems;
import com.misty.orders.domain.NewClient;
import com.misty.orders.repository.ClientRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The use cases of clients: create, read, search, edit with optimistic locking, deactivate and reactivate. */
@ApplicationScoped
public class ClientService {

    /** Deactivating without a base version re-reads this often when others keep editing the client. */
    private static final int ACTIVATION_ATTEMPTS = 3;

    private final ClientRepository clients;
    private final Clock clock = Clock.systemUTC();

    public ClientService(ClientRepository clients) {
        this.clients = clients;
    }

    public Client create(NewClient request, String actor) {
        Client client = Client.created(UUID.randomUUID().toString(), request, actor, clock.instant());
        clients.insert(client, List.of(ClientEvents.created(client, actor)));
        return client;
    }

    public Client get(String id) {
        return clients.findClient(id).orElseThrow(() -> ClientProblems.notFound(id));
    }

    /** The client a new order names: it must exist and be active (400 otherwise, the order is bad input). */
    public Client requireActive(String id) {
        Client client = clients.findClient(id).orElseThrow(() -> ClientProblems.unknownClient(id));
        if (!client.active()) {
            throw ClientProblems.inactiveClient(client);
        }
        return client;
    }

    public ClientPage list(ClientFilter filter, int page, int size) {
        return new ClientPage(clients.find(filter, page * size, size), page, size, clients.count(filter));
    }

    /** Applies {@code changes} made on {@code baseVersion}; a stale one is a 409 with the current client. */
    public Client edit(String id, long baseVersion, ClientChanges changes, String actor) {
        Client current = get(id);
        if (current.version() != baseVersion) {
            throw ClientProblems.versionConflict(current);
        }
        return save(current, current.with(changes, actor, clock.instant()), actor)
                .orElseThrow(() -> ClientProblems.versionConflict(get(id)));
    }

    /** Deactivates or reactivates; with a base version only if the client is still at it. */
    public Client setActive(String id, Optional<Long> baseVersion, boolean active, String actor) {
        for (int attempt = 1; ; attempt++) {
            Client current = get(id);
            if (baseVersion.isPresent() && current.version() != baseVersion.get()) {
                throw ClientProblems.versionConflict(current);
            }
            if (current.active() == active) {
                return current;
            }
            Optional<Client> saved = save(current, current.with(ClientChanges.activation(active), actor, clock.instant()), actor);
            if (saved.isPresent()) {
                return saved.get();
            }
            if (baseVersion.isPresent() || attempt == ACTIVATION_ATTEMPTS) {
                throw ClientProblems.versionConflict(get(id));
            }
        }
    }

    private Optional<Client> save(Client current, Client next, String actor) {
        List<String> changed = current.changedFields(next);
        List<EventEnvelope> events = List.of(ClientEvents.updated(next, changed, actor));
        return clients.save(next, current.version(), events);
    }
}
