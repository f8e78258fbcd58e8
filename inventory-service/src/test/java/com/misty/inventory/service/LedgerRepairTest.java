package com.misty.inventory.service;

import com.misty.inventory.domain.Allocation;
import com.misty.inventory.domain.AllocationSource;
import com.misty.inventory.domain.AllocationStatus;
import com.misty.inventory.domain.Movement;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.StockChange;
import com.misty.inventory.repository.AllocationRepository;
import com.misty.inventory.repository.MovementRepository;
import com.misty.inventory.repository.StockRepository;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes between the steps of a movement, simulated by running only the first steps: the ledger repair (or a
 * retry) finishes them, never moving stock twice.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class LedgerRepairTest {

    @Inject
    StockService service;
    @Inject
    StockRepository stock;
    @Inject
    AllocationRepository allocations;
    @Inject
    MovementRepository movements;
    @Inject
    Ledger ledger;

    @Test
    void aMovementAppliedButNeverWrittenToTheLedgerIsWrittenWithItsPlaceAndLevel() {
        String product = "board-" + UUID.randomUUID(), client = "client-" + UUID.randomUUID();
        String stockId = service.receive(product, client, java.math.BigDecimal.valueOf(100), "r", "prod-1").id();
        // Crash right after the record's update of an allocation: no ledger entry, no allocation document.
        String crashed = UUID.randomUUID().toString();
        assertThat(stock.openAllocation(product, client,
                MovementDraft.open(crashed, 30, "prod-1", AllocationSource.API, null, null))).isInstanceOf(StockChange.Applied.class);
        service.allocate(product, client, java.math.BigDecimal.valueOf(10), null, "prod-1");

        ledger.repair(stockId);

        List<Movement> ledgerNow = service.movements(stockId, 0, 100);
        assertThat(ledgerNow).extracting(Movement::seq, Movement::levelAfter, m -> m.draft().quantityChange())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 100L, 100L),
                        org.assertj.core.groups.Tuple.tuple(2L, 70L, -30L),
                        org.assertj.core.groups.Tuple.tuple(3L, 60L, -10L));
        assertThat(allocations.findAllocation(crashed)).map(Allocation::status).contains(AllocationStatus.ALLOCATED);
        assertThat(stock.unconfirmed(stockId).orElseThrow().movements()).isEmpty();
        // A second repair changes nothing.
        ledger.repair(stockId);
        assertThat(service.movements(stockId, 0, 100)).hasSize(3);
    }

    @Test
    void aMovementWrittenButNeverConfirmedIsConfirmedWithoutASecondEntry() {
        String product = "board-" + UUID.randomUUID(), client = "client-" + UUID.randomUUID();
        String stockId = service.receive(product, client, java.math.BigDecimal.valueOf(100), "r", "prod-1").id();
        // Crash after the entry and the allocation were written, before the batched confirmation took it off the record.
        MovementDraft open = MovementDraft.open(UUID.randomUUID().toString(), 30, "prod-1", AllocationSource.API, null, null);
        StockChange.Applied applied = (StockChange.Applied) stock.openAllocation(product, client, open);
        Movement entry = new Movement(open, stockId, applied.after().version(), applied.after().quantityOnHand());
        movements.record(entry, Ledger.levelChanged(product, client, entry));
        allocations.project(stockId, product, client, open);
        assertThat(stock.unconfirmed(stockId).orElseThrow().movements()).extracting(MovementDraft::movementId)
                .contains(open.movementId());

        ledger.repair(stockId);

        assertThat(stock.unconfirmed(stockId).orElseThrow().movements()).isEmpty();
        assertThat(service.movements(stockId, 0, 100)).extracting(Movement::seq, Movement::levelAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 100L), org.assertj.core.groups.Tuple.tuple(2L, 70L));
        assertThat(service.get(stockId).quantityOnHand()).isEqualTo(70);
        assertThat(service.get(stockId).quantityAllocated()).isEqualTo(30);
    }

    @Test
    void aReleaseClaimedButNeverAppliedIsFinishedOnce() {
        String product = "board-" + UUID.randomUUID(), client = "client-" + UUID.randomUUID();
        String stockId = service.receive(product, client, java.math.BigDecimal.valueOf(50), "r", "prod-1").id();
        String id = service.allocate(product, client, java.math.BigDecimal.valueOf(20), null, "prod-1").allocation().id();
        // Crash after the claim, before the stock moved.
        assertThat(allocations.claimRelease(id, "prod-1")).isTrue();

        ledger.finishClaim(allocations.findAllocation(id).orElseThrow());
        ledger.finishClaim(allocations.findAllocation(id).orElseThrow());

        assertThat(service.get(stockId).quantityOnHand()).isEqualTo(50);
        assertThat(service.get(stockId).quantityAllocated()).isZero();
        assertThat(allocations.findAllocation(id)).map(Allocation::status).contains(AllocationStatus.RELEASED);
        assertThat(service.movements(stockId, 0, 100)).extracting(m -> m.draft().type().name())
                .containsExactly("RECEIPT", "ALLOCATION", "RELEASE");
    }

    @Test
    void aReleaseAppliedButNeverRecordedIsNotAppliedAgain() {
        String product = "board-" + UUID.randomUUID(), client = "client-" + UUID.randomUUID();
        String stockId = service.receive(product, client, java.math.BigDecimal.valueOf(50), "r", "prod-1").id();
        String id = service.allocate(product, client, java.math.BigDecimal.valueOf(20), null, "prod-1").allocation().id();
        // Crash after the claim and the record's update, before the ledger entry and the allocation's new status.
        assertThat(allocations.claimRelease(id, "prod-1")).isTrue();
        Allocation claimed = allocations.findAllocation(id).orElseThrow();
        assertThat(stock.closeAllocation(product, client, Ledger.claimedMovement(claimed, "prod-1"), 20,
                stock.memoryOf(product, client).orElseThrow()))
                .isInstanceOf(StockChange.Applied.class);

        ledger.finishClaim(claimed);
        service.release(id, "prod-1");

        assertThat(service.get(stockId).quantityOnHand()).isEqualTo(50);
        assertThat(service.get(stockId).quantityAllocated()).isZero();
        assertThat(allocations.findAllocation(id)).map(Allocation::status).contains(AllocationStatus.RELEASED);
        assertThat(service.movements(stockId, 0, 100)).hasSize(3);
    }

    @Test
    void aPartialIssueClaimedButNeverAppliedIsFinishedWithTheClaimedQuantity() {
        String product = "board-" + UUID.randomUUID(), client = "client-" + UUID.randomUUID();
        String stockId = service.receive(product, client, java.math.BigDecimal.valueOf(50), "r", "prod-1").id();
        String id = service.allocate(product, client, java.math.BigDecimal.valueOf(20), null, "prod-1").allocation().id();
        assertThat(allocations.claimIssue(id, 12, "prod-1")).isTrue();

        ledger.finishClaim(allocations.findAllocation(id).orElseThrow());

        assertThat(service.get(stockId).physical()).isEqualTo(38);
        assertThat(service.get(stockId).quantityOnHand()).isEqualTo(38);
        Allocation issued = allocations.findAllocation(id).orElseThrow();
        assertThat(issued.status()).isEqualTo(AllocationStatus.CONSUMED);
        assertThat(issued.consumed()).isEqualTo(12);
        assertThat(issued.released()).isEqualTo(8);
    }
}
