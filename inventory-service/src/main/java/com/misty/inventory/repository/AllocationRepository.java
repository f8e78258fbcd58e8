package com.misty.inventory.repository;

import com.misty.inventory.domain.Allocation;
import com.misty.inventory.domain.AllocationStatus;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.Page;
import com.misty.platform.storage.DuplicateKeys;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * {@code allocations}: one document per allocation, written after the stock record's update that opened it
 * (from that movement, so the ledger repair can write it too) and moved ALLOCATED → RELEASING → RELEASED by
 * guarded transitions. Every step is idempotent and guarded by status, so the request and the repair may both
 * apply it, in any order.
 */
@ApplicationScoped
public class AllocationRepository implements PanacheMongoRepositoryBase<AllocationEntity, String> {

    /** Panache's collection, looked up once: it is on the allocation path. */
    private MongoCollection<AllocationEntity> allocations;

    @PostConstruct
    void openCollection() {
        allocations = mongoCollection();
    }

    public void project(String stockId, String productId, String clientId, MovementDraft m) {
        if (m.allocationEffect() == null) {
            return;
        }
        switch (m.allocationEffect()) {
            case OPEN -> open(stockId, productId, clientId, m, null);
            case CLOSE -> close(m.allocationId(), m, null);
            case ISSUE -> consume(m);
            case REPLACE -> {
                open(stockId, productId, clientId, m, m.replacedAllocationId());
                close(m.replacedAllocationId(), m, m.allocationId());
            }
        }
    }

    /** Release exactly once: only an allocation still ALLOCATED can be claimed for release. */
    static Bson stillAllocated() {
        return Filters.eq("status", AllocationStatus.ALLOCATED.name());
    }

    /** Claims an open allocation for release (ALLOCATED → RELEASING); false if it is not open any more. */
    public boolean claimRelease(String id, String actor) {
        return allocations.updateOne(Filters.and(Filters.eq("_id", id), stillAllocated()),
                Updates.combine(Updates.set("status", AllocationStatus.RELEASING.name()),
                        Updates.set("claimed_at", new Date()), Updates.set("released_by", actor)))
                .getModifiedCount() == 1;
    }

    /** Claims an open allocation for an issue of {@code used} (ALLOCATED → ISSUING); false if it is not open. */
    public boolean claimIssue(String id, long used, String actor) {
        return allocations.updateOne(Filters.and(Filters.eq("_id", id), stillAllocated()),
                Updates.combine(Updates.set("status", AllocationStatus.ISSUING.name()), Updates.set("consumed", used),
                        Updates.set("claimed_at", new Date()), Updates.set("released_by", actor)))
                .getModifiedCount() == 1;
    }

    /** Allocations claimed (release or issue) before {@code cutoff} and never finished (a crash in between). */
    public List<Allocation> claimedBefore(Date cutoff, int limit) {
        List<Allocation> found = new ArrayList<>();
        allocations.find(Filters.and(Filters.in("status", AllocationStatus.RELEASING.name(), AllocationStatus.ISSUING.name()),
                Filters.lt("claimed_at", cutoff))).limit(limit).forEach(a -> found.add(a.toAllocation()));
        return found;
    }

    /** The allocations of these ids (an order's lines), by id. */
    public java.util.Map<String, Allocation> findAll(List<String> ids) {
        java.util.Map<String, Allocation> found = new java.util.HashMap<>();
        allocations.find(Filters.in("_id", ids)).forEach(a -> found.put(a.id(), a.toAllocation()));
        return found;
    }

    /** A record's open allocations (ALLOCATED), oldest first, one page of them. */
    public Page<Allocation> openOf(String stockId, int page, int size) {
        Bson filter = Filters.and(Filters.eq("stock_id", stockId), stillAllocated());
        List<Allocation> items = new ArrayList<>();
        allocations.find(filter).sort(Sorts.ascending("allocated_at", "_id"))
                .skip(page * size).limit(size).forEach(a -> items.add(a.toAllocation()));
        return new Page<>(items, page, size, allocations.countDocuments(filter));
    }

    public Optional<Allocation> findAllocation(String id) {
        return Optional.ofNullable(allocations.find(Filters.eq("_id", id)).first()).map(AllocationEntity::toAllocation);
    }

    private void open(String stockId, String productId, String clientId, MovementDraft m, String replaces) {
        try {
            allocations.insertOne(AllocationEntity.opened(stockId, productId, clientId, m, replaces));
        } catch (MongoWriteException e) {
            // Written already (the request and the ledger repair both write it): that one stands.
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
        }
        if (replaces != null) {
            // A compensated revision hands the line back to its earlier allocation: that one is open again.
            allocations.updateOne(Filters.and(Filters.eq("_id", m.allocationId()),
                            Filters.eq("status", AllocationStatus.RELEASED.name()), Filters.eq("replaced_by", replaces)),
                    Updates.combine(Updates.set("status", AllocationStatus.ALLOCATED.name()), Updates.unset("claimed_at"),
                            Updates.unset("released_by"), Updates.unset("released_at"), Updates.unset("replaced_by")));
        }
    }

    private void close(String allocationId, MovementDraft m, String replacedBy) {
        var update = Updates.combine(Updates.set("status", AllocationStatus.RELEASED.name()),
                Updates.set("released_by", m.actor()), Updates.set("released_at", Date.from(m.at())));
        if (replacedBy != null) {
            update = Updates.combine(update, Updates.set("replaced_by", replacedBy));
        }
        allocations.updateOne(Filters.and(Filters.eq("_id", allocationId), Filters.in("status",
                AllocationStatus.ALLOCATED.name(), AllocationStatus.RELEASING.name())), update);
    }

    private void consume(MovementDraft m) {
        allocations.updateOne(Filters.and(Filters.eq("_id", m.allocationId()), Filters.in("status",
                        AllocationStatus.ALLOCATED.name(), AllocationStatus.ISSUING.name())),
                Updates.combine(Updates.set("status", AllocationStatus.CONSUMED.name()), Updates.set("consumed", m.consumed()),
                        Updates.set("released_by", m.actor()), Updates.set("released_at", Date.from(m.at()))));
    }
}
