package com.misty.orders.service;

import com.misty.orders.domain.Order;
import com.misty.orders.domain.OrderNumbers;
import com.misty.orders.domain.OriginalOrderMapping;
import com.misty.orders.repository.OrderNumberGenerator;
import com.misty.orders.repository.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports orders of the original system, one record at a time (an interrupted import is resumed by running it
 * again): a record already present by id is left alone; a number the original gave twice is kept by the first
 * holder and the later ones get a visible suffix ({@link OrderNumbers#duplicate}); the number counter continues
 * above the highest imported number. A dry run decides the same way and writes nothing.
 */
@ApplicationScoped
public class OrderImportService {

    public enum Outcome { IMPORTED, ALREADY_PRESENT, RENUMBERED, REJECTED }

    /** {@code status}: the suite's status of the imported order (for the importer's control sums). */
    public record RecordOutcome(String id, Outcome outcome, String orderNumber, String originalOrderNumber,
                                String status, String reason) {
    }

    private final OrderRepository orders;
    private final OrderNumberGenerator numbers;
    private final Clock clock;

    public OrderImportService(OrderRepository orders, OrderNumberGenerator numbers) {
        this.orders = orders;
        this.numbers = numbers;
        this.clock = Clock.systemUTC();
    }

    public List<RecordOutcome> importOrders(List<Map<String, Object>> records, Map<String, String> statusMap,
                                            boolean dryRun, String actor) {
        OriginalOrderMapping mapping = new OriginalOrderMapping(statusMap);
        Set<String> claimedInDryRun = new HashSet<>();
        List<RecordOutcome> outcomes = new ArrayList<>();
        long highest = 0;
        for (Map<String, Object> record : records) {
            OriginalOrderMapping.Mapped mapped = mapping.map(record, actor, clock.instant());
            if (mapped instanceof OriginalOrderMapping.Refused refused) {
                outcomes.add(new RecordOutcome(refused.id(), Outcome.REJECTED, null, null, null, refused.reason()));
                continue;
            }
            Order order = ((OriginalOrderMapping.Accepted) mapped).order();
            highest = Math.max(highest, OrderNumbers.sequenceOf(order.orderNumber()).orElse(0));
            outcomes.add(dryRun ? predict(order, claimedInDryRun) : store(order));
        }
        if (!dryRun && highest > 0) {
            numbers.continueAbove(highest);
        }
        return outcomes;
    }

    private RecordOutcome store(Order order) {
        String original = order.orderNumber();
        for (int n = 1; ; n++) {
            String number = n == 1 ? original : OrderNumbers.duplicate(original, n);
            switch (orders.insertImported(OriginalOrderMapping.renumbered(order, number))) {
                case INSERTED -> {
                    return new RecordOutcome(order.id(), n == 1 ? Outcome.IMPORTED : Outcome.RENUMBERED, number, original, order.status().name(), null);
                }
                case ID_TAKEN -> {
                    return new RecordOutcome(order.id(), Outcome.ALREADY_PRESENT, null, original, order.status().name(), null);
                }
                case NUMBER_TAKEN -> {
                    // The next suffix: the original gave this number more than once.
                }
            }
        }
    }

    private RecordOutcome predict(Order order, Set<String> claimed) {
        String original = order.orderNumber();
        if (orders.exists(order.id())) {
            return new RecordOutcome(order.id(), Outcome.ALREADY_PRESENT, null, original, order.status().name(), null);
        }
        for (int n = 1; ; n++) {
            String number = n == 1 ? original : OrderNumbers.duplicate(original, n);
            if (!claimed.contains(number) && !orders.numberTaken(number)) {
                claimed.add(number);
                return new RecordOutcome(order.id(), n == 1 ? Outcome.IMPORTED : Outcome.RENUMBERED, number, original, order.status().name(), null);
            }
        }
    }
}
