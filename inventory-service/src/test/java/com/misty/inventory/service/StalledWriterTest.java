package com.misty.inventory.service;

import com.misty.inventory.domain.Allocation;
import com.misty.inventory.domain.AllocationSource;
import com.misty.inventory.domain.AllocationStatus;
import com.misty.inventory.domain.Movement;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.StockChange;
import com.misty.inventory.repository.AllocationRepository;
import com.misty.inventory.repository.StockRepository;
import com.misty.inventory.repository.StockRepository.RecordMemory;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer that checked a movement not applied yet, then stalled (a frozen replica whose saga lease ran out, a
 * claimant slower than the repair) while another applied the same movement and more movements than the record
 * remembers followed. Its update, when it finally sends it, must be refused: before the guard it passed (the id
 * had left the record's window) and the stock moved twice, which a scale-out CI run caught as on hand 99515
 * against the ledger's 99520. Each test fails with {@code StockRepository.notMovedOnSince} taken out.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class StalledWriterTest {

    /** More movements than the record remembers. */
    private static final int BURST = StockRepository.RECENT_WINDOW + 8;

    @Inject
    StockService service;
    @Inject
    StockRepository stock;
    @Inject
    AllocationRepository allocations;
    @Inject
    Ledger ledger;

    @Test
    void aSagaStepRunByAnotherReplicaIsNotAppliedAgainByTheOneThatStalled() {
        String product = "board-" + UUID.randomUUID(), client = "client-" + UUID.randomUUID();
        String stockId = service.receive(product, client, BigDecimal.valueOf(1000), "r", "prod-1").id();
        MovementDraft open = MovementDraft.open(UUID.randomUUID().toString(), 30, "order-saga",
                AllocationSource.ORDER_SAGA, "order-1", 1);
        // The stalled replica: read the record, found no allocation document, then froze.
        RecordMemory stalled = stock.memoryOf(product, client).orElseThrow();
        assertThat(allocations.findAllocation(open.allocationId())).isEmpty();

        // The replica that took the attempt over runs the step; then a burst of other movements.
        StockChange.Applied applied = (StockChange.Applied) stock.openAllocation(product, client, open,
                stock.memoryOf(product, client).orElseThrow());
        ledger.complete(applied.after(), open);
        receiveOneByOne(product, client, BURST);

        assertThat(stock.openAllocation(product, client, open, stalled)).as("the stalled replica's update")
                .isInstanceOf(StockChange.Outpaced.class);
        // Read again, as the saga does: the record has forgotten the movement, the allocation document shows it.
        assertThat(stock.memoryOf(product, client).orElseThrow().remembers(open.movementId())).isFalse();
        assertThat(allocations.findAllocation(open.allocationId())).isPresent();
        assertThat(service.get(stockId).quantityOnHand()).isEqualTo(1000 - 30 + BURST);
        assertThat(service.get(stockId).quantityAllocated()).isEqualTo(30);
    }

    @Test
    void aClaimantThatStalledWhileTheRepairReleasedDoesNotReleaseAgain() {
        String product = "board-" + UUID.randomUUID(), client = "client-" + UUID.randomUUID();
        String stockId = service.receive(product, client, BigDecimal.valueOf(1000), "r", "prod-1").id();
        Allocation allocation = service.allocate(product, client, BigDecimal.valueOf(20), null, "prod-1").allocation();
        // The claimant read the record and claimed the release, then stalled before the stock moved.
        RecordMemory beforeClaim = stock.memoryOf(product, client).orElseThrow();
        assertThat(allocations.claimRelease(allocation.id(), "prod-1")).isTrue();

        // The repair finishes the claim after its grace period; other movements follow.
        ledger.finishClaim(allocations.findAllocation(allocation.id()).orElseThrow());
        receiveOneByOne(product, client, BURST);

        MovementDraft close = MovementDraft.close(allocation.id(), 20, "prod-1", AllocationSource.API, null, null);
        assertThat(ledger.applyClaimed(allocation, close, beforeClaim)).as("the claimant moved no stock").isEmpty();
        assertThat(service.get(stockId).quantityOnHand()).isEqualTo(1000 + BURST);
        assertThat(service.get(stockId).quantityAllocated()).isZero();
        assertThat(allocations.findAllocation(allocation.id())).map(Allocation::status).contains(AllocationStatus.RELEASED);
        assertThat(service.movements(stockId, 0, 100)).extracting(Movement::draft).extracting(MovementDraft::type)
                .filteredOn(type -> type.name().equals("RELEASE")).hasSize(1);
    }

    @Test
    void aWriterOutpacedWithoutAnyoneElseApplyingItsMovementAppliesItAfterReadingAgain() {
        String product = "board-" + UUID.randomUUID(), client = "client-" + UUID.randomUUID();
        String stockId = service.receive(product, client, BigDecimal.valueOf(1000), "r", "prod-1").id();
        Allocation allocation = service.allocate(product, client, BigDecimal.valueOf(20), null, "prod-1").allocation();
        RecordMemory beforeClaim = stock.memoryOf(product, client).orElseThrow();
        assertThat(allocations.claimIssue(allocation.id(), 15, "prod-1")).isTrue();
        receiveOneByOne(product, client, BURST);

        MovementDraft issue = MovementDraft.issue(allocation.id(), 20, 15, "prod-1", AllocationSource.API, null, null);
        assertThat(ledger.applyClaimed(allocation, issue, beforeClaim)).as("applied after a second read").isPresent();
        assertThat(service.get(stockId).quantityOnHand()).isEqualTo(1000 - 15 + BURST);
        assertThat(service.get(stockId).quantityAllocated()).isZero();
        assertThat(allocations.findAllocation(allocation.id())).map(Allocation::status).contains(AllocationStatus.CONSUMED);
    }

    private void receiveOneByOne(String product, String client, int count) {
        for (int i = 0; i < count; i++) {
            service.receive(product, client, BigDecimal.ONE, "burst-" + i, "prod-1");
        }
    }
}
