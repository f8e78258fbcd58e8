package com.misty.inventory.repository;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.inventory.domain.AllocationSource;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.Page;
import com.misty.inventory.domain.PendingLedger;
import com.misty.inventory.domain.Quantities;
import com.misty.inventory.domain.StockChange;
import com.misty.inventory.domain.StockItem;
import com.misty.platform.outbox.Outbox;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * All access to {@code raw_substrate_stock}. Every change of a level is ONE conditional
 * {@code findOneAndUpdate} that also appends its ledger entry ({@code movements}) and bumps {@code ledger_seq};
 * allocations are tracked in {@code open_allocations} on the same record, which makes taking and releasing
 * an allocation idempotent by its id.
 */
@ApplicationScoped
public class StockRepository {

    static final String OPEN = "open_allocations";
    static final String MOVEMENTS = "movements";
    private static final Bson SUMMARY = Projections.exclude(MOVEMENTS, OPEN, Outbox.FIELD, "processed_events");

    private final MongoCollection<Document> stock;

    public StockRepository(InventoryDatabase database) {
        this.stock = database.collection(InventoryDatabase.STOCK);
    }

    /** Adds stock, creating the record on the first receipt; the unique index settles concurrent first receipts. */
    public StockItem receive(String productId, String clientId, MovementDraft receipt) {
        Bson update = Updates.combine(
                Updates.setOnInsert("_id", UUID.randomUUID().toString()),
                Updates.setOnInsert("unit", Quantities.UNIT),
                Updates.setOnInsert("created_at", new Date()),
                Updates.setOnInsert("projected_seq", 0L),
                Updates.setOnInsert(OPEN, List.of()),
                changeOf(receipt));
        for (int attempt = 1; ; attempt++) {
            try {
                return toItem(stock.findOneAndUpdate(key(productId, clientId), update,
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER).projection(SUMMARY)));
            } catch (MongoWriteException | MongoCommandException e) {
                // Two first receipts raced: the loser's insert hit the unique index; its retry now updates.
                if (!isDuplicateKey(e) || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Moves {@code movement.quantityChange()} units and swaps allocation {@code removeId} for {@code addId}
     * (either may be null: open, close or replace an allocation), only if enough is on hand.
     */
    public StockChange changeAllocation(String productId, String clientId, String removeId, String addId,
                                        long addQuantity, MovementDraft movement) {
        List<Bson> guards = new ArrayList<>(List.of(key(productId, clientId)));
        if (movement.quantityChange() < 0) {
            guards.add(Filters.gte("quantity_on_hand", -movement.quantityChange()));
        }
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(SUMMARY);
        Bson allocationUpdate;
        if (removeId != null && addId != null) {
            guards.add(Filters.eq(OPEN + ".allocation_id", removeId));
            allocationUpdate = Updates.combine(
                    Updates.set(OPEN + ".$[held].allocation_id", addId),
                    Updates.set(OPEN + ".$[held].quantity", addQuantity));
            options.arrayFilters(List.of(Filters.eq("held.allocation_id", removeId)));
        } else if (removeId != null) {
            guards.add(Filters.eq(OPEN + ".allocation_id", removeId));
            allocationUpdate = Updates.pull(OPEN, new Document("allocation_id", removeId));
        } else {
            if (movement.source() == AllocationSource.ORDER_SAGA) {
                // A saga's allocation id is derived, so it never opens twice: a redelivered step finds its own effect.
                guards.add(Filters.ne(OPEN + ".allocation_id", addId));
            }
            Document open = new Document("allocation_id", addId).append("quantity", addQuantity);
            if (movement.orderId() != null) {
                open.append("order_id", movement.orderId());
            }
            allocationUpdate = Updates.push(OPEN, open);
        }
        Document after = stock.findOneAndUpdate(Filters.and(guards), Updates.combine(changeOf(movement), allocationUpdate), options);
        if (after != null) {
            return new StockChange.Applied(toItem(after));
        }
        Document current = stock.find(key(productId, clientId))
                .projection(Projections.include("_id", "product_id", "client_id", "quantity_on_hand", "unit", "ledger_seq",
                        "created_at", "updated_at", OPEN + ".allocation_id")).first();
        if (current == null) {
            return new StockChange.NoStock();
        }
        List<String> open = current.getList(OPEN, Document.class, List.of()).stream()
                .map(d -> d.getString("allocation_id")).toList();
        boolean addedAlready = addId != null && open.contains(addId);
        boolean removedAlready = removeId != null && !open.contains(removeId);
        if (addedAlready || removedAlready) {
            return new StockChange.AlreadyApplied(toItem(current));
        }
        return new StockChange.Short(MovementDocuments.number(current, "quantity_on_hand"));
    }

    /** A correction by a manager; never takes the level below zero. */
    public StockChange adjust(String productId, String clientId, MovementDraft adjustment) {
        Bson filter = adjustment.quantityChange() < 0
                ? Filters.and(key(productId, clientId), Filters.gte("quantity_on_hand", -adjustment.quantityChange()))
                : key(productId, clientId);
        Document after = stock.findOneAndUpdate(filter, changeOf(adjustment),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(SUMMARY));
        if (after != null) {
            return new StockChange.Applied(toItem(after));
        }
        return findByKey(productId, clientId).<StockChange>map(s -> new StockChange.Short(s.quantityOnHand()))
                .orElseGet(StockChange.NoStock::new);
    }

    public Optional<StockItem> findById(String id) {
        return Optional.ofNullable(stock.find(Filters.eq("_id", id)).projection(SUMMARY).first()).map(StockRepository::toItem);
    }

    public Optional<StockItem> findByKey(String productId, String clientId) {
        return Optional.ofNullable(stock.find(key(productId, clientId)).projection(SUMMARY).first()).map(StockRepository::toItem);
    }

    public Page<StockItem> list(String clientId, String productId, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (clientId != null) {
            filters.add(Filters.eq("client_id", clientId));
        }
        if (productId != null) {
            filters.add(Filters.eq("product_id", productId));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<StockItem> items = new ArrayList<>();
        stock.find(filter).projection(SUMMARY).sort(Sorts.ascending("client_id", "product_id"))
                .skip(page * size).limit(size).forEach(d -> items.add(toItem(d)));
        return new Page<>(items, page, size, stock.countDocuments(filter));
    }

    /** The ledger snapshot of one record (pending movements with the counters that number them). */
    public Optional<PendingLedger> pendingLedger(String stockId) {
        return Optional.ofNullable(stock.find(Filters.eq("_id", stockId)).projection(LEDGER).first())
                .map(StockRepository::toPendingLedger);
    }

    /** Records whose ledger has entries not yet archived. */
    public List<PendingLedger> withPendingMovements(int limit) {
        List<PendingLedger> pending = new ArrayList<>();
        stock.find(Filters.exists(MOVEMENTS + ".0")).projection(LEDGER).limit(limit)
                .forEach(d -> pending.add(toPendingLedger(d)));
        return pending;
    }

    /**
     * Removes archived movements from the record and queues their events, in one update guarded by the
     * projection counter so that two projectors never queue the same events twice.
     */
    public boolean markArchived(PendingLedger snapshot, long archivedUpTo, List<String> movementIds,
                                List<EventEnvelope> events) {
        Bson update = Updates.combine(
                Updates.pullByFilter(new Document(MOVEMENTS, new Document("movement_id", new Document("$in", movementIds)))),
                Updates.set("projected_seq", archivedUpTo));
        if (!events.isEmpty()) {
            update = Updates.combine(update, Outbox.appendAll(Topics.INVENTORY_EVENTS, events));
        }
        return stock.updateOne(Filters.and(Filters.eq("_id", snapshot.stockId()),
                Filters.eq("projected_seq", snapshot.projectedSeq())), update).getModifiedCount() == 1;
    }

    private static final Bson LEDGER = Projections.include("product_id", "client_id", "ledger_seq", "quantity_on_hand",
            "projected_seq", MOVEMENTS);

    /** The level change, its ledger entry and the sequence bump: always together in one update. */
    private static Bson changeOf(MovementDraft movement) {
        return Updates.combine(
                Updates.inc("quantity_on_hand", movement.quantityChange()),
                Updates.inc("ledger_seq", 1L),
                Updates.set("updated_at", Date.from(movement.at())),
                Updates.push(MOVEMENTS, MovementDocuments.draft(movement)));
    }

    private static Bson key(String productId, String clientId) {
        return Filters.and(Filters.eq("product_id", productId), Filters.eq("client_id", clientId));
    }

    private static boolean isDuplicateKey(RuntimeException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof MongoCommandException command && command.getErrorCode() == 11000;
    }

    private static PendingLedger toPendingLedger(Document d) {
        return new PendingLedger(d.getString("_id"), d.getString("product_id"), d.getString("client_id"),
                MovementDocuments.number(d, "ledger_seq"), MovementDocuments.number(d, "quantity_on_hand"),
                MovementDocuments.number(d, "projected_seq"),
                d.getList(MOVEMENTS, Document.class, List.of()).stream().map(MovementDocuments::draft).toList());
    }

    static StockItem toItem(Document d) {
        Date created = d.getDate("created_at");
        Date updated = d.getDate("updated_at");
        return new StockItem(d.getString("_id"), d.getString("product_id"), d.getString("client_id"),
                MovementDocuments.number(d, "quantity_on_hand"), d.get("unit", Quantities.UNIT),
                MovementDocuments.number(d, "ledger_seq"),
                created == null ? null : created.toInstant(), updated == null ? null : updated.toInstant());
    }
}
