package com.misty.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.misty.inventory.domain.Allocation;
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

    public record StockView(String id, String productId, String clientId, long quantityOnHand, String unit,
                            long version, Instant createdAt, Instant updatedAt) {
        static StockView of(StockItem s) {
            return new StockView(s.id(), s.productId(), s.clientId(), s.quantityOnHand(), s.unit(), s.version(),
                    s.createdAt(), s.updatedAt());
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
                                 String replacedBy, Long quantityOnHandAfter) {
        static AllocationView of(Allocation a, Long levelAfter) {
            return new AllocationView(a.id(), a.stockId(), a.productId(), a.clientId(), a.quantity(), Quantities.UNIT,
                    a.orderId(), a.line(), a.source().name(), a.status().name(), a.allocatedBy(), a.allocatedAt(),
                    a.releasedBy(), a.releasedAt(), a.replacedBy(), levelAfter);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MovementView(String movementId, long seq, String type, long quantityChange, long levelAfter,
                               String actor, Instant at, String reason, String reference, String allocationId,
                               String orderId, Integer line) {
        static MovementView of(Movement m) {
            var d = m.draft();
            return new MovementView(d.movementId(), m.seq(), d.type().name(), d.quantityChange(), m.levelAfter(),
                    d.actor(), d.at(), d.reason(), d.reference(), d.allocationId(), d.orderId(), d.line());
        }
    }

    /** @param nextAfterSeq pass as {@code after_seq} to read on; null when this was the end */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MovementPage(String stockId, List<MovementView> items, Long nextAfterSeq) {
    }
}
