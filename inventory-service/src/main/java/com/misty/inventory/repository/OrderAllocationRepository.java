package com.misty.inventory.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.contracts.inventory.StockShortage;
import com.misty.inventory.domain.saga.AttemptKind;
import com.misty.inventory.domain.saga.AttemptLease;
import com.misty.inventory.domain.saga.HeldLine;
import com.misty.inventory.domain.saga.OrderAllocation;
import com.misty.inventory.domain.saga.SagaAttempt;
import com.misty.inventory.domain.saga.SagaStatus;
import com.misty.inventory.domain.saga.AllocationSagaStep;
import com.misty.inventory.domain.saga.StepState;
import com.misty.inventory.domain.saga.TargetLine;
import com.misty.platform.idempotency.ProcessedEvents;
import com.misty.platform.outbox.OutboxRelayService;
import com.misty.platform.outbox.OutboxWrites;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code order_allocations}: the inventory side of the order saga, one document per order. The attempt in
 * progress (its planned steps and each step's state) is stored before any stock moves, so a redelivered event
 * resumes it; the answer event goes into this document's outbox in the same update that ends the attempt.
 * The attempt's {@code lease} (owner, until, fence) says which replica may run its steps: every write to the
 * attempt is guarded by the fence it was taken under (see {@link AttemptLease}).
 */
@ApplicationScoped
public class OrderAllocationRepository implements PanacheMongoRepositoryBase<OrderAllocationEntity, String> {

    private static final String ATTEMPT = "attempt";
    private static final String LEASE = "lease";
    private static final String FENCE = LEASE + ".fence";

    private final OutboxRelayService relay;
    /** Panache's collection as raw documents (see {@link OrderAllocationEntity} why), looked up once: a hot path. */
    private MongoCollection<Document> sagas;
    /** The writes that answer the order side: the answer goes into the saga's outbox in the same update. */
    private OutboxWrites writes;

    public OrderAllocationRepository(OutboxRelayService relay) {
        this.relay = relay;
    }

    @PostConstruct
    void openCollection() {
        sagas = mongoCollection().withDocumentClass(Document.class);
        writes = relay.writes(sagas, Topics.INVENTORY_EVENTS);
    }

    public OrderAllocation findOrCreate(String orderId, String clientId) {
        Bson create = new Document("$setOnInsert", OrderAllocationEntity.created(clientId, Instant.now()));
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

    // ---- the guards -------------------------------------------------------------------------------------

    /** The saga is as it was read: nobody began, decided or skipped anything since (its version moves on each). */
    static Bson unchangedSince(OrderAllocation read) {
        return Filters.and(Filters.eq("_id", read.orderId()), Filters.eq("version", read.version()));
    }

    /** One attempt at a time: a new one begins, and the saga ends or skips, only when none is in progress. */
    static Bson noAttemptInProgress() {
        return Filters.eq(ATTEMPT, null);
    }

    /** The attempt in progress is still the one of {@code eventId} (not ended and replaced meanwhile). */
    static Bson attemptOf(String orderId, String eventId) {
        return Filters.and(Filters.eq("_id", orderId), Filters.eq(ATTEMPT + ".event_id", eventId));
    }

    /** Only the lease holder writes the attempt: {@code fence} is still its lease's, so nobody took it over. */
    static Bson stillHoldsLease(long fence) {
        return Filters.eq(FENCE, fence);
    }

    /**
     * The lease may be taken as decided on {@code held}: nobody took it meanwhile (same fence) and it is the
     * taker's own or its time is up; an attempt stored before leases existed has none and is free.
     */
    static Bson leaseFreeFor(AttemptLease held, String owner, Date now) {
        return held == null ? Filters.eq(LEASE, null) : Filters.and(Filters.eq(FENCE, held.fence()),
                held.owner().equals(owner) ? Filters.eq(LEASE + ".owner", owner) : Filters.lte(LEASE + ".until", now));
    }

    /** Production completes an order once: its saga is not consumed yet. */
    static Bson notYetConsumed() {
        return Filters.ne("status", SagaStatus.CONSUMED.name());
    }

    // ---- the updates ------------------------------------------------------------------------------------

    /**
     * Stores the plan of an attempt with its first lease, unless the saga moved on since it was read or the event
     * was handled; returns the saga as stored (the caller runs the attempt from it without reading it again), or
     * nothing when another change came first.
     */
    public Optional<OrderAllocation> begin(OrderAllocation read, SagaAttempt attempt, AttemptLease lease) {
        return Optional.ofNullable(sagas.findOneAndUpdate(Filters.and(unchangedSince(read), noAttemptInProgress(),
                        ProcessedEvents.notYetApplied(UUID.fromString(attempt.eventId()))),
                Updates.combine(Updates.set(ATTEMPT, attempt(attempt)), Updates.set(LEASE, lease(lease)),
                        Updates.inc("version", 1L), Updates.set("updated_at", new Date())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(OrderAllocationRepository::toSaga);
    }

    /**
     * Takes the lease of the stored attempt of {@code eventId} over (or renews this replica's own), as decided on
     * {@code read}: only if nobody took it meanwhile (same fence) and, for another holder's, its time is still up
     * (it may have renewed since {@code read}). An attempt stored before leases existed has none and is free.
     */
    public boolean takeOver(OrderAllocation read, AttemptLease taken, Date now) {
        return sagas.updateOne(Filters.and(attemptOf(read.orderId(), read.attempt().eventId()),
                        leaseFreeFor(read.lease(), taken.owner(), now)),
                Updates.set(LEASE, lease(taken))).getModifiedCount() == 1;
    }

    /**
     * Records a step's outcome and renews the lease, only while {@code fence} is still the attempt's: false means
     * another replica took the attempt over, and this one must stop.
     */
    public boolean recordStep(String orderId, String eventId, long fence, AllocationSagaStep step, Date leaseUntil) {
        String path = ATTEMPT + ".steps." + step.index();
        return sagas.updateOne(Filters.and(attemptOf(orderId, eventId), stillHoldsLease(fence)),
                Updates.combine(Updates.set(path + ".state", step.state().name()),
                        Updates.set(path + ".available", step.available()),
                        Updates.set(LEASE + ".until", leaseUntil))).getModifiedCount() == 1;
    }

    /**
     * Ends the attempt of {@code eventId} under lease {@code fence}: new status and lines, the event marked handled,
     * the answer queued; false if another replica took the attempt over (it decides instead).
     */
    public boolean decide(String orderId, String eventId, long fence, SagaStatus status, long answeredRevision,
                          List<HeldLine> lines, EventEnvelope answer) {
        return writes.updateOne(orderId, Filters.and(attemptOf(orderId, eventId), stillHoldsLease(fence)),
                Updates.combine(
                        Updates.set("status", status.name()),
                        Updates.set("answered_revision", answeredRevision),
                        Updates.set("lines", lines.stream().map(OrderAllocationRepository::held).toList()),
                        Updates.set(ATTEMPT, null),
                        Updates.set(LEASE, null),
                        Updates.inc("version", 1L),
                        Updates.set("updated_at", new Date()),
                        ProcessedEvents.markApplied(UUID.fromString(eventId))), List.of(answer));
    }

    /**
     * Ends the order's saga after production completed it: status CONSUMED, the event marked handled and
     * {@code StockConsumed} queued, in one update; only once per order (guarded by the status and version read).
     */
    public boolean consume(OrderAllocation read, String eventId, EventEnvelope answer) {
        return writes.updateOne(read.orderId(), Filters.and(unchangedSince(read), noAttemptInProgress(), notYetConsumed()),
                Updates.combine(Updates.set("status", SagaStatus.CONSUMED.name()), Updates.inc("version", 1L),
                        Updates.set("updated_at", new Date()), ProcessedEvents.markApplied(UUID.fromString(eventId))),
                List.of(answer));
    }

    /** Marks an event handled that needs no stock change (stale revision, order already cancelled). */
    public boolean skip(OrderAllocation read, String eventId, EventEnvelope answer) {
        return writes.updateOne(read.orderId(), Filters.and(unchangedSince(read), noAttemptInProgress()),
                Updates.combine(Updates.inc("version", 1L), ProcessedEvents.markApplied(UUID.fromString(eventId))),
                Stream.ofNullable(answer).toList());
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

    private static Document lease(AttemptLease lease) {
        return new Document("owner", lease.owner()).append("until", Date.from(lease.until()))
                .append("fence", lease.fence());
    }

    private static AttemptLease toLease(Document d) {
        return d == null ? null : new AttemptLease(d.getString("owner"), d.getDate("until").toInstant(),
                MovementDocuments.number(d, "fence"));
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
                attempt, toLease(d.get(LEASE, Document.class)), d.getList(ProcessedEvents.FIELD, String.class, List.of()), MovementDocuments.number(d, "version"));
    }
}
