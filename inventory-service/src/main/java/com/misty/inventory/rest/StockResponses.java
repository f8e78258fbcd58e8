package com.misty.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.misty.inventory.domain.Allocation;
import com.misty.inventory.domain.AllocationStatus;
import com.misty.inventory.domain.Movement;
import com.misty.inventory.domain.Page;
import com.misty.inventory.domain.Quantities;
import com.misty.inventory.domain.StockItem;

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
    public record StockView(String id, String productId, String clientId, long quantityOnHand, long physical,
                            long allocated, long available, String unit, long version, Instant createdAt,
                            Instant updatedAt) {
        static StockView of(StockItem s) {
            return new StockView(s.id(), s.productId(), s.clientId(), s.quantityOnHand(), s.physical(),
                    s.quantityAllocated(), s.available(), s.unit(), s.version(), s.createdAt(), s.updatedAt());
        }
    }

    public record StockPage(List<StockView> items, int page, int size, long total) {
        static StockPage of(Page<StockItem> page) {
            return new StockPage(page.items().stream().map(StockView::of).toList(), page.page(), page.size(), page.total());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AllocationView(String id, String stockId, String productId, String clientId, long quantity,
                                 String unit, String orderId, Integer line, String source, String status,
                                 String allocatedBy, Instant allocatedAt, String releasedBy, Instant releasedAt,
                                 String replacedBy, Long consumed, Long released, Long quantityOnHandAfter) {
        static AllocationView of(Allocation a, Long levelAfter) {
            boolean issued = a.status() == AllocationStatus.CONSUMED || a.status() == AllocationStatus.ISSUING;
            return new AllocationView(a.id(), a.stockId(), a.productId(), a.clientId(), a.quantity(), Quantities.UNIT,
                    a.orderId(), a.line(), a.source().name(), a.status().name(), a.allocatedBy(), a.allocatedAt(),
                    a.releasedBy(), a.releasedAt(), a.replacedBy(), issued ? a.consumed() : null,
                    issued ? a.quantity() - a.consumed() : null, levelAfter);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * @param quantityChange the change of the available level ({@code quantity_on_hand})
     * @param consumed       for ISSUE: what left the stock (physical) for production
     */
    public record MovementView(String movementId, long seq, String type, long quantityChange, long levelAfter,
                               String actor, Instant at, String reason, String reference, String allocationId,
                               String orderId, Integer line, Long consumed) {
        static MovementView of(Movement m) {
            var d = m.draft();
            return new MovementView(d.movementId(), m.seq(), d.type().name(), d.quantityChange(), m.levelAfter(),
                    d.actor(), d.at(), d.reason(), d.reference(), d.allocationId(), d.orderId(), d.line(),
                    d.type() == com.misty.inventory.domain.MovementType.ISSUE ? d.consumed() : null);
        }
    }

    /** @param nextAfterSeq pass as {@code after_seq} to read on; null when this was the end */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MovementPage(String stockId, List<MovementView> items, Long nextAfterSeq) {
    }
}
