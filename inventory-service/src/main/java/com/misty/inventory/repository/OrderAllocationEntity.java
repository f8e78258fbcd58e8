package com.misty.inventory.repository;

import com.misty.inventory.domain.saga.SagaStatus;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A new order's saga in {@code order_allocations} as the record codec writes it: the {@code $setOnInsert} of the
 * upsert that creates it, so without {@code _id} (the upsert's filter sets it) and with no attempt yet. The saga
 * is read and changed by hand ({@link OrderAllocationRepository}): its guarded updates write the embedded attempt
 * by path ({@code attempt.steps.<i>.state}, {@code lease.until}) next to the outbox and processed-events arrays, and
 * the domain's saga records cannot carry BSON names, so codec mirrors of the attempt, steps, lines and lease would
 * add six records and remove no mapping.
 */
@MongoEntity(collection = InventoryDatabase.ORDER_ALLOCATIONS)
public record OrderAllocationEntity(@BsonProperty("client_id") String clientId, SagaStatus status,
                                    @BsonProperty("answered_revision") long answeredRevision,
                                    List<Document> lines,
                                    @BsonProperty("processed_events") List<String> processedEvents,
                                    long version,
                                    @BsonProperty("created_at") Instant createdAt) {

    static OrderAllocationEntity created(String clientId, Instant now) {
        return new OrderAllocationEntity(clientId, SagaStatus.NEW, -1L, List.of(), List.of(), 0L, now);
    }
}
