package com.misty.orders.rest;

import com.misty.orders.service.ClientImportService;
import com.misty.orders.service.OrderImportService;

import java.util.List;
import java.util.Map;

/**
 * The answer to an import: counts per outcome and each order's outcome (with the reason of a rejection), the same
 * for the clients, and the fields the mappings did not read (per collection: field → records carrying it).
 */
public record ImportReport(int records, long imported, long alreadyPresent, long renumbered, long rejected,
                           boolean dryRun, List<OrderImportService.RecordOutcome> outcomes, ClientsReport clients,
                           Map<String, Map<String, Long>> unmappedFields) {

    public record ClientsReport(int records, long imported, long alreadyPresent, long renumbered, long rejected,
                                List<ClientImportService.ClientOutcome> outcomes) {
    }

    static ImportReport of(List<OrderImportService.RecordOutcome> outcomes, List<ClientImportService.ClientOutcome> clients,
                           Map<String, Map<String, Long>> unmappedFields, boolean dryRun) {
        List<OrderImportService.Outcome> orders = outcomes.stream().map(OrderImportService.RecordOutcome::outcome).toList();
        return new ImportReport(outcomes.size(), count(orders, OrderImportService.Outcome.IMPORTED),
                count(orders, OrderImportService.Outcome.ALREADY_PRESENT), count(orders, OrderImportService.Outcome.RENUMBERED),
                count(orders, OrderImportService.Outcome.REJECTED),
                dryRun, outcomes, clientsReport(clients), unmappedFields);
    }

    private static ClientsReport clientsReport(List<ClientImportService.ClientOutcome> clients) {
        List<OrderImportService.Outcome> outcomes = clients.stream().map(ClientImportService.ClientOutcome::outcome).toList();
        return new ClientsReport(clients.size(), count(outcomes, OrderImportService.Outcome.IMPORTED),
                count(outcomes, OrderImportService.Outcome.ALREADY_PRESENT), count(outcomes, OrderImportService.Outcome.RENUMBERED),
                count(outcomes, OrderImportService.Outcome.REJECTED), clients);
    }

    private static long count(List<OrderImportService.Outcome> outcomes, OrderImportService.Outcome outcome) {
        return outcomes.stream().filter(o -> o == outcome).count();
    }
}
