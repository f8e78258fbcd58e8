package com.misty.orders.service;

import com.misty.orders.domain.Client;
import com.misty.orders.domain.ClientEvents;
import com.misty.orders.domain.OrderNumbers;
import com.misty.orders.domain.OriginalClientMapping;
import com.misty.orders.repository.ClientRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports clients of the original system one at a time, before its orders (an interrupted import is completed by
 * running it again): a client present by id is left alone; a code another client holds is kept by the first and
 * the later one gets a visible suffix, as duplicate order numbers do. Each imported client is announced with
 * ClientCreated like one created here. A dry run decides the same way and writes nothing.
 */
@ApplicationScoped
public class ClientImportService {

    public record ClientOutcome(String id, OrderImportService.Outcome outcome, String code, String originalCode,
                                String reason) {
    }

    private final ClientRepository clients;
    private final Clock clock = Clock.systemUTC();

    public ClientImportService(ClientRepository clients) {
        this.clients = clients;
    }

    public List<ClientOutcome> importClients(List<Map<String, Object>> records, boolean dryRun, String actor) {
        Set<String> claimedInDryRun = new HashSet<>();
        List<ClientOutcome> outcomes = new ArrayList<>();
        for (Map<String, Object> record : records) {
            OriginalClientMapping.Mapped mapped = OriginalClientMapping.map(record, actor, clock.instant());
            if (mapped instanceof OriginalClientMapping.Refused refused) {
                outcomes.add(new ClientOutcome(refused.id(), OrderImportService.Outcome.REJECTED, null, null, refused.reason()));
                continue;
            }
            Client client = ((OriginalClientMapping.Accepted) mapped).client();
            outcomes.add(dryRun ? predict(client, claimedInDryRun) : store(client, actor));
        }
        return outcomes;
    }

    private ClientOutcome store(Client client, String actor) {
        String original = client.code();
        for (int n = 1; ; n++) {
            Client candidate = n == 1 ? client : OriginalClientMapping.recoded(client, OrderNumbers.duplicate(original, n));
            switch (clients.insertImported(candidate, List.of(ClientEvents.created(candidate, actor)))) {
                case INSERTED -> {
                    return outcome(candidate, n, original);
                }
                case ID_TAKEN -> {
                    return new ClientOutcome(client.id(), OrderImportService.Outcome.ALREADY_PRESENT, null, original, null);
                }
                case CODE_TAKEN -> {
                    // The next suffix: another client holds this code.
                }
            }
        }
    }

    private ClientOutcome predict(Client client, Set<String> claimed) {
        String original = client.code();
        if (clients.exists(client.id())) {
            return new ClientOutcome(client.id(), OrderImportService.Outcome.ALREADY_PRESENT, null, original, null);
        }
        for (int n = 1; ; n++) {
            String code = n == 1 ? original : OrderNumbers.duplicate(original, n);
            if (!claimed.contains(code) && !clients.codeTaken(code)) {
                claimed.add(code);
                return outcome(OriginalClientMapping.recoded(client, code), n, original);
            }
        }
    }

    private static ClientOutcome outcome(Client stored, int attempt, String originalCode) {
        return new ClientOutcome(stored.id(), attempt == 1 ? OrderImportService.Outcome.IMPORTED
                : OrderImportService.Outcome.RENUMBERED, stored.code(), originalCode, null);
    }
}
