package com.misty.orders.rest;

import com.misty.orders.service.OrderImportService;

import java.util.List;

/** The answer to an import: counts per outcome and each record's outcome (with the reason of a rejection). */
public record ImportReport(int records, long imported, long alreadyPresent, long renumbered, long rejected,
                           boolean dryRun, List<OrderImportService.RecordOutcome> outcomes) {

    static ImportReport of(List<OrderImportService.RecordOutcome> outcomes, boolean dryRun) {
        return new ImportReport(outcomes.size(), count(outcomes, OrderImportService.Outcome.IMPORTED),
                count(outcomes, OrderImportService.Outcome.ALREADY_PRESENT),
                count(outcomes, OrderImportService.Outcome.RENUMBERED),
                count(outcomes, OrderImportService.Outcome.REJECTED), dryRun, outcomes);
    }

    private static long count(List<OrderImportService.RecordOutcome> outcomes, OrderImportService.Outcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }
}
