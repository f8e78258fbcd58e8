package com.misty.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.misty.inventory.domain.Allocation;
import com.misty.inventory.domain.AllocationStatus;
import com.misty.inventory.domain.Movement;
import com.misty.inventory.domain.Page;
import com.misty.inventory.domain.Quantities;
import com.misty.inventory.domain.StockItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Response bodies of the stock API. */
public final class StockResponses {

    private StockResponses() {
    }

    /**
     * @param quantityOnHand the original system's field: what can still be allocated (= {@code available})
     * @param physical       on hand in the store: available + allocated
     */
    public record StockView(String id, String productId, String clientId, BigDecimal quantityOnHand, BigDecimal physical,
                            BigDecimal allocated, BigDecimal available, String unit, long version, Instant createdAt,
                            Instant updatedAt, BigDecimal reorderLevel, long reorderVersion, boolean belowReorder) {
        static StockView of(StockItem s) {
            int d = s.decimals();
            return new StockView(s.id(), s.productId(), s.clientId(), units(s.quantityOnHand(), d), units(s.physical(), d),
                    units(s.quantityAllocated(), d), units(s.available(), d), s.unit(), s.version(), s.createdAt(),
                    s.updatedAt(), units(s.reorderLevel(), d), s.reorderVersion(), s.isBelowReorderLevel());
        }
    }

    static BigDecimal units(long steps, int decimals) {
        return Quantities.toUnits(steps, decimals);
    }

    static BigDecimal units(Long steps, int decimals) {
        return steps == null ? null : Quantities.toUnits(steps, decimals);
    }

    public record StockPage(List<StockView> items, int page, int size, long total) {
        static StockPage of(Page<StockItem> page) {
            return new StockPage(page.items().stream().map(StockView::of).toList(), page.page(), page.size(), page.total());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AllocationView(String id, String stockId, String productId, String clientId, BigDecimal quantity,
                                 String unit, String orderId, Integer line, String source, String status,
                                 String allocatedBy, Instant allocatedAt, String releasedBy, Instant releasedAt,
                                 String replacedBy, BigDecimal consumed, BigDecimal released,
                                 BigDecimal quantityOnHandAfter) {
        static AllocationView of(Allocation a, Long levelAfter, String unit, int d) {
            boolean issued = a.status() == AllocationStatus.CONSUMED || a.status() == AllocationStatus.ISSUING;
            return new AllocationView(a.id(), a.stockId(), a.productId(), a.clientId(), units(a.quantity(), d), unit,
                    a.orderId(), a.line(), a.source().name(), a.status().name(), a.allocatedBy(), a.allocatedAt(),
                    a.releasedBy(), a.releasedAt(), a.replacedBy(), issued ? units(a.consumed(), d) : null,
                    issued ? units(a.quantity() - a.consumed(), d) : null, units(levelAfter, d));
        }
    }

    /** Open allocations of one record; each in the record's unit. */
    public record AllocationPage(List<AllocationView> items, int page, int size, long total) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * @param quantityChange the change of the available level ({@code quantity_on_hand})
     * @param consumed       for ISSUE: what left the stock (physical) for production
     */
    public record MovementView(String movementId, long seq, String type, BigDecimal quantityChange, BigDecimal levelAfter,
                               String actor, Instant at, String reason, String reference, String allocationId,
                               String orderId, Integer line, BigDecimal consumed) {
        static MovementView of(Movement m, int decimals) {
            var d = m.draft();
            return new MovementView(d.movementId(), m.seq(), d.type().name(), units(d.quantityChange(), decimals),
                    units(m.levelAfter(), decimals), d.actor(), d.at(), d.reason(), d.reference(), d.allocationId(),
                    d.orderId(), d.line(),
                    d.type() == com.misty.inventory.domain.MovementType.ISSUE ? units(d.consumed(), decimals) : null);
        }
    }

    /** @param nextAfterSeq pass as {@code after_seq} to read on; null when this was the end */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MovementPage(String stockId, String unit, List<MovementView> items, Long nextAfterSeq) {
    }
}
