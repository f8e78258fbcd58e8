package com.misty.orders.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.orders.domain.HistoryEntry;
import com.misty.orders.domain.Order;
import com.misty.orders.domain.OrderFilter;
import com.misty.orders.domain.OrderSort;
import com.misty.orders.domain.OrderStatus;
import com.misty.platform.idempotency.IdempotentUpdate;
import com.misty.platform.outbox.Outbox;
import com.misty.platform.outbox.OutboxRelayService;
import com.misty.platform.outbox.OutboxWrites;
import com.misty.platform.problem.DomainException;
import com.misty.platform.storage.EntityFields;
import com.misty.platform.storage.StoredValues;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** All access to the {@code orders} collection. Every write is one single-document operation. */
@ApplicationScoped
public class OrderRepository implements PanacheMongoRepositoryBase<OrderEntity, String> {

    private static final Logger LOG = Logger.getLogger(OrderRepository.class);

    /** History entries written by the change itself, until the projector has moved them to order_history. */
    static final String HISTORY_PENDING = "history_pending";
    /** Outbox and idempotency bookkeeping stay in the database; clients never see them. */
    private static final Bson PUBLIC_FIELDS = Projections.exclude(Outbox.FIELD, "processed_events",
            "outbox_lease_until", "outbox_lease_owner", HISTORY_PENDING);

    private final OutboxRelayService relay;
    /** Panache's collection as raw documents (see {@link OrderEntity} why), looked up once. */
    private MongoCollection<Document> orders;
    /** The writes that carry events: they go into the order's outbox in the same update. */
    private OutboxWrites writes;

    public OrderRepository(OutboxRelayService relay) {
        this.relay = relay;
    }

    @PostConstruct
    void openCollection() {
        orders = mongoCollection().withDocumentClass(Document.class);
        writes = relay.writes(orders, Topics.ORDERS_EVENTS);
    }

    /** What storing an imported order did. */
    public enum ImportWrite { INSERTED, ID_TAKEN, NUMBER_TAKEN }

    public boolean exists(String id) {
        return orders.countDocuments(Filters.eq(OrderDocuments.ID, id)) > 0;
    }

    public boolean numberTaken(String orderNumber) {
        return orders.countDocuments(Filters.eq(OrderDocuments.ORDER_NUMBER, orderNumber)) > 0;
    }

    /**
     * Stores an order imported from the original system as it stood there: one insert under its own id, no events
     * (the original already did what they would announce). The unique {@code _id} makes a re-import or a
     * concurrent one a no-op; the unique order number tells the caller to renumber.
     */
    public ImportWrite insertImported(Order order) {
        try {
            orders.insertOne(OrderDocuments.newOrderFields(order).append(OrderDocuments.ID, order.id()));
            return ImportWrite.INSERTED;
        } catch (MongoWriteException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
            return exists(order.id()) ? ImportWrite.ID_TAKEN : ImportWrite.NUMBER_TAKEN;
        }
    }

    /** Stores a new order and its first events in one write: the inserted document already holds its outbox. */
    public void insert(Order order, List<EventEnvelope> events, HistoryEntry created) {
        try {
            Document fields = OrderDocuments.newOrderFields(order)
                    .append(HISTORY_PENDING, List.of(HistoryEntity.of(created)));
            writes.upsertNew(order.id(), fields, events);
        } catch (MongoWriteException e) {
            if (DuplicateKeys.is(e)) {
                LOG.warnf("Order %s not stored, duplicate key: %s", order.orderNumber(), e.getError().getMessage());
                // Only an imported number above the counter can collide; the unique index refuses it.
                throw DomainException.conflict("ORDER_NUMBER_TAKEN", "Order number " + order.orderNumber()
                        + " is already taken; please try again.");
            }
            throw e;
        }
    }

    public Optional<Order> findOrder(String id) {
        return Optional.ofNullable(orders.find(StoredValues.byId(id)).projection(PUBLIC_FIELDS).first())
                .map(OrderDocuments::fromDocument);
    }

    public List<Order> find(OrderFilter filter, OrderSort sort, int skip, int limit) {
        List<Order> page = new ArrayList<>();
        orders.find(filterOf(filter)).projection(PUBLIC_FIELDS).sort(sortOf(sort)).skip(skip).limit(limit)
                .forEach(doc -> page.add(OrderDocuments.fromDocument(doc)));
        return page;
    }

    /** Every matching order, in order, one at a time (the export streams them without holding the list). */
    public void forEach(OrderFilter filter, OrderSort sort, java.util.function.Consumer<Order> action) {
        orders.find(filterOf(filter)).projection(PUBLIC_FIELDS).sort(sortOf(sort)).batchSize(500)
                .forEach(doc -> action.accept(OrderDocuments.fromDocument(doc)));
    }

    public long count(OrderFilter filter) {
        return orders.countDocuments(filterOf(filter));
    }

    /**
     * Writes {@code next} only if the order is still at {@code baseVersion}: the version is in the filter and
     * the update increments it, so of two writers on one version exactly one wins.
     *
     * @return the stored order, or empty when the version moved on (or the order is gone)
     */
    public Optional<Order> save(Order next, long baseVersion, List<EventEnvelope> events, HistoryEntry entry) {
        Document after = writes.findOneAndUpdate(
                Filters.and(Filters.eq(OrderDocuments.ID, next.id()), Filters.eq(OrderDocuments.VERSION, baseVersion)),
                update(next, entry), events,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(PUBLIC_FIELDS));
        return Optional.ofNullable(after).map(OrderDocuments::fromDocument);
    }

    /**
     * Writes a step of the order's life ({@code next}) only while the order is still {@link #stillIn} the status
     * the step starts from and at the version it was decided on: of two requests for one step exactly one wins.
     *
     * @return the stored order, or empty when the order moved on meanwhile (or is gone)
     */
    public Optional<Order> saveStep(Order next, long baseVersion, OrderStatus from, List<EventEnvelope> events,
                                    HistoryEntry entry) {
        Document after = writes.findOneAndUpdate(
                Filters.and(Filters.eq(OrderDocuments.ID, next.id()), Filters.eq(OrderDocuments.VERSION, baseVersion),
                        stillIn(from)),
                update(next, entry), events,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(PUBLIC_FIELDS));
        return Optional.ofNullable(after).map(OrderDocuments::fromDocument);
    }

    /** The order's version and the history entries still waiting on it (empty when the order is unknown). */
    public Optional<PendingHistory> pendingHistory(String id) {
        Document doc = orders.find(StoredValues.byId(id))
                .projection(Projections.include(OrderDocuments.VERSION, HISTORY_PENDING)).first();
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(new PendingHistory(StoredValues.number(doc, OrderDocuments.VERSION, 1),
                doc.getList(HISTORY_PENDING, Document.class, List.of()).stream().map(d -> EntityFields.read(d, HistoryEntity.class, orders.getCodecRegistry()).toEntry()).toList()));
    }

    /** Removes entries the projector has stored in order_history (by id; entries added meanwhile stay). */
    public void dropPendingHistory(String id, List<HistoryEntry> moved) {
        orders.updateOne(Filters.eq(OrderDocuments.ID, id), new Document("$pull", new Document(HISTORY_PENDING,
                new Document(HistoryEntity.ID, new Document("$in", moved.stream().map(HistoryEntry::id).toList())))));
    }

    public record PendingHistory(long version, List<HistoryEntry> entries) {
    }

    /** The transition guard: the order is still in the status a step starts from. */
    static Bson stillIn(OrderStatus from) {
        return Filters.eq(OrderDocuments.STATUS, from.name());
    }

    /**
     * Records inventory's {@code StockConsumed} once: only on a completed order whose stock is not consumed yet
     * ({@link #stockNotYetConsumed}), at the version it was decided on, and only if this event id is not recorded
     * yet (all in the same update).
     */
    public SaveOutcome saveStockConsumed(Order next, long baseVersion, UUID eventId, List<EventEnvelope> events,
                                         HistoryEntry entry) {
        IdempotentUpdate.Result result = writes.applyOnce(next.id(), eventId,
                Filters.and(Filters.eq(OrderDocuments.VERSION, baseVersion), stillIn(OrderStatus.COMPLETED),
                        stockNotYetConsumed()),
                update(next, entry), events);
        return outcomeOf(result);
    }

    /** The consumption guard: an order's stock is consumed once. */
    static Bson stockNotYetConsumed() {
        return Filters.eq(OrderDocuments.STOCK_CONSUMED_AT, null);
    }

    /**
     * Writes inventory's answer once: guarded by the state it was decided on (status and version) and by the
     * event id not being recorded yet; the id is recorded in the same update.
     */
    public SaveOutcome saveAnswer(Order next, long baseVersion, OrderStatus expectedStatus, UUID eventId,
                                  List<EventEnvelope> events, HistoryEntry entry) {
        IdempotentUpdate.Result result = writes.applyOnce(next.id(), eventId,
                Filters.and(Filters.eq(OrderDocuments.VERSION, baseVersion),
                        Filters.eq(OrderDocuments.STATUS, expectedStatus.name())),
                update(next, entry), events);
        return outcomeOf(result);
    }

    private static SaveOutcome outcomeOf(IdempotentUpdate.Result result) {
        return switch (result.outcome()) {
            case APPLIED -> SaveOutcome.SAVED;
            case ALREADY_APPLIED -> SaveOutcome.ALREADY_APPLIED;
            case GUARD_FAILED -> SaveOutcome.STALE;
            case NOT_FOUND -> SaveOutcome.NOT_FOUND;
        };
    }

    /** Every change: the new fields, the version bumped and its history entry, in one update (its events join it). */
    private static Bson update(Order next, HistoryEntry entry) {
        List<Bson> parts = new ArrayList<>();
        for (Map.Entry<String, Object> field : OrderDocuments.mutableFields(next).entrySet()) {
            parts.add(Updates.set(field.getKey(), field.getValue()));
        }
        parts.add(Updates.inc(OrderDocuments.VERSION, 1L));
        parts.add(Updates.push(HISTORY_PENDING, HistoryEntity.of(entry)));
        return Updates.combine(parts);
    }

    private static Bson sortOf(OrderSort sort) {
        String field = switch (sort.field()) {
            case CREATED_AT -> OrderDocuments.CREATED_AT;
            case DUE_DATE -> OrderDocuments.DUE_DATE;
            case ORDER_NUMBER -> OrderDocuments.ORDER_NUMBER;
        };
        List<String> fields = field.equals(OrderDocuments.ORDER_NUMBER) ? List.of(field)
                : List.of(field, OrderDocuments.ORDER_NUMBER);
        return sort.ascending() ? Sorts.ascending(fields) : Sorts.descending(fields);
    }

    private static Bson filterOf(OrderFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.orderNumber() != null) {
            conditions.add(Filters.eq(OrderDocuments.ORDER_NUMBER, filter.orderNumber()));
        }
        if (filter.orderNumberPrefix() != null) {
            // An anchored, case-sensitive prefix: real MongoDB answers it from the unique order_number index.
            conditions.add(Filters.regex(OrderDocuments.ORDER_NUMBER, "^" + Pattern.quote(filter.orderNumberPrefix())));
        }
        if (filter.clientId() != null) {
            conditions.add(Filters.eq(OrderDocuments.CLIENT_ID, filter.clientId()));
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add(Filters.in(OrderDocuments.STATUS, filter.statuses().stream().map(Enum::name).toList()));
        }
        // Due dates are stored as YYYY-MM-DD strings, which sort like the dates they are.
        if (filter.dueFrom() != null) {
            conditions.add(Filters.gte(OrderDocuments.DUE_DATE, filter.dueFrom().toString()));
        }
        if (filter.dueTo() != null) {
            conditions.add(Filters.lte(OrderDocuments.DUE_DATE, filter.dueTo().toString()));
        }
        if (filter.createdFrom() != null) {
            conditions.add(Filters.gte(OrderDocuments.CREATED_AT, Date.from(filter.createdFrom())));
        }
        if (filter.createdBefore() != null) {
            conditions.add(Filters.lt(OrderDocuments.CREATED_AT, Date.from(filter.createdBefore())));
        }
        if (filter.text() != null) {
            String text = Pattern.quote(filter.text());
            conditions.add(Filters.or(Filters.regex("contact_name", text, "i"), Filters.regex("contact_email", text, "i"),
                    Filters.regex("contact_phone", text, "i"), Filters.regex("notes", text, "i")));
        }
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }
}
