package com.misty.inventory.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.contracts.inventory.StockShortage;
import com.misty.inventory.domain.saga.AttemptKind;
import com.misty.inventory.domain.saga.HeldLine;
import com.misty.inventory.domain.saga.OrderAllocation;
import com.misty.inventory.domain.saga.SagaAttempt;
import com.misty.inventory.domain.saga.SagaStatus;
import com.misty.inventory.domain.saga.AllocationSagaStep;
import com.misty.inventory.domain.saga.StepState;
import com.misty.inventory.domain.saga.TargetLine;
import com.misty.platform.idempotency.ProcessedEvents;
import com.misty.platform.outbox.Outbox;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code order_allocations}: the inventory side of the order saga, one document per order. The attempt in
 * progress (its planned steps and each step's state) is stored before any stock moves, so a redelivered event
 * resumes it; the answer event goes into this document's outbox in the same update that ends the attempt.
 */
@ApplicationScoped
public class OrderAllocationRepository {

    private static final String ATTEMPT = "attempt";

    private final MongoCollection<Document> sagas;

    public OrderAllocationRepository(InventoryDatabase database) {
        this.sagas = database.collection(InventoryDatabase.ORDER_ALLOCATIONS);
    }

    public OrderAllocation findOrCreate(String orderId, String clientId) {
        Bson create = Updates.combine(
                Updates.setOnInsert("client_id", clientId),
                Updates.setOnInsert("status", SagaStatus.NEW.name()),
                Updates.setOnInsert("answered_revision", -1L),
                Updates.setOnInsert("lines", List.of()),
                Updates.setOnInsert(ATTEMPT, null),
                Updates.setOnInsert(ProcessedEvents.FIELD, List.of()),
                Updates.setOnInsert("version", 0L),
                Updates.setOnInsert("created_at", new Date()));
        try {
            return toSaga(sagas.findOneAndUpdate(Filters.eq("_id", orderId), create,
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
        } catch (MongoWriteException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
            return find(orderId).orElseThrow();
        }
    }

    public Optional<OrderAllocation> find(String orderId) {
        return Optional.ofNullable(sagas.find(Filters.eq("_id", orderId)).first()).map(OrderAllocationRepository::toSaga);
    }

    /** Stores the plan of an attempt, unless the saga moved on since it was read or the event was handled. */
    public boolean begin(OrderAllocation read, SagaAttempt attempt) {
        return sagas.updateOne(Filters.and(Filters.eq("_id", read.orderId()), Filters.eq("version", read.version()),
                        Filters.eq(ATTEMPT, null), ProcessedEvents.notYetApplied(UUID.fromString(attempt.eventId()))),
                Updates.combine(Updates.set(ATTEMPT, attempt(attempt)), Updates.inc("version", 1L),
                        Updates.set("updated_at", new Date()))).getModifiedCount() == 1;
    }

    public void recordStep(String orderId, String eventId, AllocationSagaStep step) {
        String path = ATTEMPT + ".steps." + step.index();
        sagas.updateOne(Filters.and(Filters.eq("_id", orderId), Filters.eq(ATTEMPT + ".event_id", eventId)),
                Updates.combine(Updates.set(path + ".state", step.state().name()),
                        Updates.set(path + ".available", step.available())));
    }

    /** Ends the attempt of {@code eventId}: new status and lines, the event marked handled, the answer queued. */
    public boolean decide(String orderId, String eventId, SagaStatus status, long answeredRevision,
                          List<HeldLine> lines, EventEnvelope answer) {
        return sagas.updateOne(Filters.and(Filters.eq("_id", orderId), Filters.eq(ATTEMPT + ".event_id", eventId)),
                Updates.combine(
                        Updates.set("status", status.name()),
                        Updates.set("answered_revision", answeredRevision),
                        Updates.set("lines", lines.stream().map(OrderAllocationRepository::held).toList()),
                        Updates.set(ATTEMPT, null),
                        Updates.inc("version", 1L),
                        Updates.set("updated_at", new Date()),
                        ProcessedEvents.markApplied(UUID.fromString(eventId)),
                        Outbox.append(Topics.INVENTORY_EVENTS, answer))).getModifiedCount() == 1;
    }

    /**
     * Ends the order's saga after production completed it: status CONSUMED, the event marked handled and
     * {@code StockConsumed} queued, in one update; only once per order (guarded by the status and version read).
     */
    public boolean consume(OrderAllocation read, String eventId, EventEnvelope answer) {
        return sagas.updateOne(Filters.and(Filters.eq("_id", read.orderId()), Filters.eq("version", read.version()),
                        Filters.eq(ATTEMPT, null), Filters.ne("status", SagaStatus.CONSUMED.name())),
                Updates.combine(Updates.set("status", SagaStatus.CONSUMED.name()), Updates.inc("version", 1L),
                        Updates.set("updated_at", new Date()), ProcessedEvents.markApplied(UUID.fromString(eventId)),
                        Outbox.append(Topics.INVENTORY_EVENTS, answer))).getModifiedCount() == 1;
    }

    /** Marks an event handled that needs no stock change (stale revision, order already cancelled). */
    public boolean skip(OrderAllocation read, String eventId, EventEnvelope answer) {
        Bson update = Updates.combine(Updates.inc("version", 1L), ProcessedEvents.markApplied(UUID.fromString(eventId)));
        if (answer != null) {
            update = Updates.combine(update, Outbox.append(Topics.INVENTORY_EVENTS, answer));
        }
        return sagas.updateOne(Filters.and(Filters.eq("_id", read.orderId()), Filters.eq("version", read.version()),
                Filters.eq(ATTEMPT, null)), update).getModifiedCount() == 1;
    }

    private static Document attempt(SagaAttempt a) {
        return new Document("event_id", a.eventId())
                .append("kind", a.kind().name())
                .append("revision", a.revision())
                .append("target", a.target().stream().map(t -> new Document("line", t.line())
                        .append("product_id", t.productId()).append("quantity", t.quantity())).toList())
                .append("steps", a.steps().stream().map(OrderAllocationRepository::step).toList())
                .append("invalid_lines", a.invalidLines().stream().map(s -> new Document("line", s.line())
                        .append("product_id", s.productId()).append("requested", s.requested())
                        .append("available", s.available())).toList());
    }

    private static Document step(AllocationSagaStep s) {
        return new Document("index", s.index()).append("line", s.line()).append("product_id", s.productId())
                .append("from_allocation_id", s.fromAllocationId()).append("from_quantity", s.fromQuantity())
                .append("to_allocation_id", s.toAllocationId()).append("to_quantity", s.toQuantity())
                .append("state", s.state().name()).append("available", s.available());
    }

    private static Document held(HeldLine h) {
        return new Document("line", h.line()).append("product_id", h.productId())
                .append("allocation_id", h.allocationId()).append("quantity", h.quantity());
    }

    private static OrderAllocation toSaga(Document d) {
        Document a = d.get(ATTEMPT, Document.class);
        SagaAttempt attempt = a == null ? null : new SagaAttempt(a.getString("event_id"),
                AttemptKind.valueOf(a.getString("kind")), MovementDocuments.number(a, "revision"),
                a.getList("target", Document.class).stream().map(t -> new TargetLine(t.getInteger("line"),
                        t.getString("product_id"), MovementDocuments.number(t, "quantity"))).toList(),
                a.getList("steps", Document.class).stream().map(s -> new AllocationSagaStep(s.getInteger("index"),
                        s.getInteger("line"), s.getString("product_id"), s.getString("from_allocation_id"),
                        MovementDocuments.number(s, "from_quantity"), s.getString("to_allocation_id"),
                        MovementDocuments.number(s, "to_quantity"), StepState.valueOf(s.getString("state")),
                        MovementDocuments.number(s, "available"))).toList(),
                a.getList("invalid_lines", Document.class).stream().map(s -> new StockShortage(s.getInteger("line"),
                        s.getString("product_id"), MovementDocuments.number(s, "requested"),
                        MovementDocuments.number(s, "available"))).toList());
        return new OrderAllocation(d.getString("_id"), d.getString("client_id"), SagaStatus.valueOf(d.getString("status")),
                MovementDocuments.number(d, "answered_revision"),
                d.getList("lines", Document.class, List.of()).stream().map(h -> new HeldLine(h.getInteger("line"),
                        h.getString("product_id"), h.getString("allocation_id"), MovementDocuments.number(h, "quantity"))).toList(),
                attempt, d.getList(ProcessedEvents.FIELD, String.class, List.of()), MovementDocuments.number(d, "version"));
    }
}
