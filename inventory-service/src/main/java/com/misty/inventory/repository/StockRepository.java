package com.misty.inventory.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.inventory.domain.MovementDraft;
import com.misty.inventory.domain.Page;
import com.misty.inventory.domain.Quantities;
import com.misty.inventory.domain.StockChange;
import com.misty.inventory.domain.StockItem;
import com.misty.platform.outbox.Outbox;
import com.misty.platform.outbox.OutboxRelayService;
import com.misty.platform.outbox.OutboxWrites;
import com.misty.platform.storage.StoredValues;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * All access to {@code raw_substrate_stock}. The record has a constant size: counters
 * ({@code quantity_on_hand} = available, {@code quantity_allocated}, {@code ledger_seq}), a bounded window of the
 * last applied movement ids ({@code recent_movements}) and the movements applied but not yet written to the
 * ledger ({@code unconfirmed}, bounded by {@link #roomForUnconfirmed()}; normally only the requests in flight).
 * Every change of a level is ONE conditional {@code findOneAndUpdate}; its guards are named below. They, and every
 * read, use raw documents: reads must tolerate the original system's records ({@link #toItem}); the codec writes
 * an imported record ({@link StockEntity}).
 */
@ApplicationScoped
public class StockRepository implements PanacheMongoRepositoryBase<StockEntity, String> {

    static final String UNCONFIRMED = "unconfirmed";
    static final String RECENT = "recent_movements";
    /** Movement ids remembered on the record: a retried step is recognised while it is among the last ones. */
    public static final int RECENT_WINDOW = 32;
    /** Unconfirmed movements a record may carry; a full list refuses writes until the repair has caught up. */
    public static final int MAX_UNCONFIRMED = 256;
    private static final Bson SUMMARY = Projections.exclude(UNCONFIRMED, RECENT, "processed_events", Outbox.FIELD,
            "movements", "open_allocations");

    private final OutboxRelayService relay;
    /** Panache's collection as raw documents, looked up once: every movement goes through it. */
    private MongoCollection<Document> stock;
    /** The writes that carry {@code inventory.events}: they go into the record's outbox in the same update. */
    private OutboxWrites writes;

    public StockRepository(OutboxRelayService relay) {
        this.relay = relay;
    }

    @PostConstruct
    void openCollection() {
        stock = mongoCollection().withDocumentClass(Document.class);
        writes = relay.writes(stock, Topics.INVENTORY_EVENTS);
    }

    // ---- the guards -------------------------------------------------------------------------------------

    /** Never oversell: the level can pay for what the movement takes. */
    static Bson enoughOnHand(long quantity) {
        return Filters.gte("quantity_on_hand", quantity);
    }

    /** Apply a movement once: its id is neither waiting for its ledger entry nor among the recent ones. */
    static Bson notYetApplied(String movementId) {
        return Filters.and(Filters.ne(RECENT, movementId), Filters.ne(UNCONFIRMED + ".movement_id", movementId));
    }

    /**
     * The record has not moved on so far since {@code memory} was read that a movement applied meanwhile could have
     * left its window: fewer than {@value #RECENT_WINDOW} movements since. So a movement whose absence was proved
     * from that read (and the documents read after it) is applied only while the record would still show it, had
     * another writer applied it in between: a replica that stalled between its check and its update cannot apply
     * twice what another replica applied and a burst of later movements pushed out of the window.
     */
    static Bson notMovedOnSince(RecordMemory memory) {
        return Filters.not(Filters.gte("ledger_seq", memory.ledgerSeq() + RECENT_WINDOW));
    }

    /** Keeps the record bounded: no new movement while {@value #MAX_UNCONFIRMED} wait for their ledger entries. */
    static Bson roomForUnconfirmed() {
        return Filters.exists(UNCONFIRMED + "." + (MAX_UNCONFIRMED - 1), false);
    }

    // ---- movements --------------------------------------------------------------------------------------

    /** Adds stock, creating the record on the first receipt; the unique index settles concurrent first receipts. */
    public StockItem receive(String productId, String clientId, String unit, int decimals, MovementDraft receipt) {
        Bson update = Updates.combine(
                Updates.setOnInsert("_id", UUID.randomUUID().toString()),
                Updates.setOnInsert("unit", unit),
                Updates.setOnInsert("decimals", decimals),
                Updates.setOnInsert("created_at", new Date()),
                changeOf(receipt, 0));
        for (int attempt = 1; ; attempt++) {
            try {
                Document after = stock.findOneAndUpdate(Filters.and(key(productId, clientId), roomForUnconfirmed()), update,
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER).projection(SUMMARY));
                return toItem(after);
            } catch (MongoWriteException | MongoCommandException e) {
                // Two first receipts raced (or the record is full): the loser's insert hit the unique index.
                if (!DuplicateKeys.is(e) || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Opens an allocation of a new id (an API allocation: nobody else can have applied it): takes its quantity
     * from the available level into the allocated one.
     */
    public StockChange openAllocation(String productId, String clientId, MovementDraft open) {
        return openAllocation(productId, clientId, open, null);
    }

    /**
     * Opens an allocation whose id another replica may have opened too (a saga step), proved not opened yet by
     * {@code memory} and what was read after it; {@link StockChange.Outpaced} asks to read and check again.
     */
    public StockChange openAllocation(String productId, String clientId, MovementDraft open, RecordMemory memory) {
        long quantity = open.allocationQuantity();
        return apply(productId, clientId, open, enoughOnHand(quantity), quantity, memory);
    }

    /** Closes an allocation: its quantity goes back from allocated to available (guarded as the open is). */
    public StockChange closeAllocation(String productId, String clientId, MovementDraft close, long quantity,
                                       RecordMemory memory) {
        return apply(productId, clientId, close, null, -quantity, memory);
    }

    /** Replaces an allocation by one of another size: only the difference moves (guarded as the open is). */
    public StockChange replaceAllocation(String productId, String clientId, MovementDraft replace, RecordMemory memory) {
        long taken = -replace.quantityChange();
        return apply(productId, clientId, replace, taken > 0 ? enoughOnHand(taken) : null, taken, memory);
    }

    /**
     * Issues an allocation to production: all of it leaves allocated, the unused rest goes back to available
     * (guarded as the open is).
     */
    public StockChange issueAllocation(String productId, String clientId, MovementDraft issue, long allocated,
                                       RecordMemory memory) {
        return apply(productId, clientId, issue, null, -allocated, memory);
    }

    /** A correction by a manager; never takes the level below zero. */
    public StockChange adjust(String productId, String clientId, MovementDraft adjustment) {
        long change = adjustment.quantityChange();
        return apply(productId, clientId, adjustment, change < 0 ? enoughOnHand(-change) : null, 0, null);
    }

    /**
     * One guarded update. {@code memory} is null for a movement of a fresh id (nobody else can apply it), else the
     * read its writer checked the movement's absence against ({@link #notMovedOnSince}).
     */
    private StockChange apply(String productId, String clientId, MovementDraft movement, Bson levelGuard,
                              long allocatedChange, RecordMemory memory) {
        if (memory != null && memory.remembers(movement.movementId())) {
            return findByKey(productId, clientId).<StockChange>map(StockChange.AlreadyApplied::new)
                    .orElseGet(StockChange.NoStock::new);
        }
        List<Bson> guards = new ArrayList<>(List.of(key(productId, clientId), notYetApplied(movement.movementId()),
                roomForUnconfirmed()));
        if (levelGuard != null) {
            guards.add(levelGuard);
        }
        if (memory != null) {
            guards.add(notMovedOnSince(memory));
        }
        Document after = stock.findOneAndUpdate(Filters.and(guards), changeOf(movement, allocatedChange),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(SUMMARY));
        if (after != null) {
            return new StockChange.Applied(toItem(after));
        }
        Document current = stock.find(key(productId, clientId)).projection(Projections.exclude("outbox", "movements",
                "open_allocations", "processed_events")).first();
        if (current == null) {
            return new StockChange.NoStock();
        }
        if (applied(current, movement.movementId())) {
            return new StockChange.AlreadyApplied(toItem(current));
        }
        if (memory != null && MovementDocuments.number(current, "ledger_seq") >= memory.ledgerSeq() + RECENT_WINDOW) {
            return new StockChange.Outpaced();
        }
        if (current.getList(UNCONFIRMED, Document.class, List.of()).size() >= MAX_UNCONFIRMED) {
            throw new IllegalStateException("Stock " + current.getString("_id")
                    + " has too many movements waiting for the ledger; the repair will catch up");
        }
        return new StockChange.Short(MovementDocuments.number(current, "quantity_on_hand"));
    }

    /** The level change, the allocated change, the sequence bump and the movement kept until confirmed: one update. */
    private static Bson changeOf(MovementDraft movement, long allocatedChange) {
        return Updates.combine(
                Updates.inc("quantity_on_hand", movement.quantityChange()),
                Updates.inc("quantity_allocated", allocatedChange),
                Updates.inc("ledger_seq", 1L),
                Updates.set("updated_at", Date.from(movement.at())),
                Updates.push(UNCONFIRMED, MovementDocuments.draft(movement)),
                Updates.pushEach(RECENT, List.of(movement.movementId()), new PushOptions().slice(-RECENT_WINDOW)));
    }

    /** The movements' ledger entries are written: they no longer need to wait on the record. */
    public void confirm(String stockId, List<String> movementIds) {
        stock.updateOne(Filters.eq("_id", stockId), confirming(movementIds));
    }

    /** {@link #confirm} of several records' movements (stock id → movement ids) in one bulk write. */
    public void confirm(Map<String, List<String>> movementIdsByStock) {
        if (movementIdsByStock.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(movementIdsByStock.size());
        movementIdsByStock.forEach((stockId, ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", stockId), confirming(ids))));
        stock.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static Bson confirming(List<String> movementIds) {
        return Updates.pullByFilter(new Document(UNCONFIRMED, new Document("movement_id", new Document("$in", movementIds))));
    }

    // ---- low stock --------------------------------------------------------------------------------------

    /** The reorder level changes only from the setting it was based on (no lost update between two managers). */
    static Bson atReorderVersion(String stockId, long version) {
        return Filters.and(Filters.eq("_id", stockId), version == 0
                ? Filters.or(Filters.exists("reorder_version", false), Filters.eq("reorder_version", 0L))
                : Filters.eq("reorder_version", version));
    }

    public Optional<StockItem> setReorderLevel(String stockId, long version, long level) {
        return Optional.ofNullable(stock.findOneAndUpdate(atReorderVersion(stockId, version),
                Updates.combine(Updates.set("reorder_level", level), Updates.inc("reorder_version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(SUMMARY))).map(StockRepository::toItem);
    }

    /**
     * Once per crossing: flips the record's {@code low} flag from not set to set and queues {@code StockLowReached} in the
     * same update, only if no newer evaluation (a later movement's {@code seq}) has set the flag meanwhile.
     */
    public boolean markLow(String stockId, long seq, EventEnvelope stockLow) {
        return writes.updateOne(stockId, Filters.and(Filters.eq("_id", stockId), Filters.ne("low", true), notNewerThan(seq)),
                Updates.combine(Updates.set("low", true), Updates.set("low_seq", seq)), List.of(stockLow));
    }

    /** Back at or above the reorder level: the next fall below is a new crossing. */
    public void clearLow(String stockId, long seq) {
        stock.updateOne(Filters.and(Filters.eq("_id", stockId), Filters.eq("low", true), notNewerThan(seq)),
                Updates.combine(Updates.set("low", false), Updates.set("low_seq", seq)));
    }

    private static Bson notNewerThan(long seq) {
        return Filters.not(Filters.gt("low_seq", seq));
    }

    // ---- import -----------------------------------------------------------------------------------------

    /** What storing an imported record came to. */
    public enum ImportedInsert { INSERTED, ID_PRESENT, KEY_TAKEN }

    /**
     * A stock record of the original system under its own id, with its whole quantity as one opening receipt that
     * waits on the record for its ledger entry like any movement (one insert: the level and its movement appear
     * together, and the repair writes the entry should the caller stop before it). An existing record, by id or by
     * product and client, is never touched.
     */
    public ImportedInsert insertImported(StockItem item, MovementDraft opening) {
        try {
            persist(StockEntity.imported(item, opening, Instant.now()));
            return ImportedInsert.INSERTED;
        } catch (MongoWriteException | MongoCommandException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
            return stock.find(Filters.eq("_id", item.id())).projection(Projections.include("_id")).first() != null
                    ? ImportedInsert.ID_PRESENT : ImportedInsert.KEY_TAKEN;
        }
    }

    // ---- reads ------------------------------------------------------------------------------------------

    /**
     * What the record remembers of its movements right now; read it before the checks that prove a movement not
     * applied yet, and pass it to the update ({@link #notMovedOnSince}).
     */
    public Optional<RecordMemory> memoryOf(String productId, String clientId) {
        return Optional.ofNullable(stock.find(key(productId, clientId))
                        .projection(Projections.include("ledger_seq", RECENT, UNCONFIRMED + ".movement_id")).first())
                .map(d -> new RecordMemory(MovementDocuments.number(d, "ledger_seq"), rememberedIds(d)));
    }

    /**
     * A record's sequence and the movement ids it holds (the recent window and the unconfirmed ones), as of one
     * read: a movement it remembers was applied; one it does not was applied long before it (then its ledger entry
     * and allocation show it) or not at all.
     */
    public record RecordMemory(long ledgerSeq, Set<String> movementIds) {
        public boolean remembers(String movementId) {
            return movementIds.contains(movementId);
        }
    }

    /** One snapshot of the record with its unconfirmed movements, for the repair. */
    public Optional<Unconfirmed> unconfirmed(String stockId) {
        return Optional.ofNullable(stock.find(Filters.eq("_id", stockId))
                        .projection(Projections.include("product_id", "client_id", "ledger_seq", "quantity_on_hand", UNCONFIRMED))
                        .first())
                .map(d -> new Unconfirmed(StoredValues.id(d), StoredValues.text(d, "product_id"), StoredValues.text(d, "client_id"),
                        MovementDocuments.number(d, "ledger_seq"), MovementDocuments.number(d, "quantity_on_hand"),
                        d.getList(UNCONFIRMED, Document.class, List.of()).stream().map(MovementDocuments::draft).toList()));
    }

    /** A record's movements that wait for their ledger entries, as of one read. */
    public record Unconfirmed(String stockId, String productId, String clientId, long ledgerSeq, long level,
                              List<MovementDraft> movements) {
    }

    /** Records with a movement unconfirmed since before {@code cutoff} (served by the index on {@code unconfirmed.at}). */
    public List<String> withUnconfirmedBefore(Date cutoff, int limit) {
        List<String> ids = new ArrayList<>();
        stock.find(Filters.lt(UNCONFIRMED + ".at", cutoff)).projection(Projections.include("_id")).limit(limit)
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    public Optional<StockItem> findItem(String id) {
        return Optional.ofNullable(stock.find(StoredValues.byId(id)).projection(SUMMARY).first()).map(StockRepository::toItem);
    }

    public Optional<StockItem> findByKey(String productId, String clientId) {
        return Optional.ofNullable(stock.find(key(productId, clientId)).projection(SUMMARY).first()).map(StockRepository::toItem);
    }

    public Page<StockItem> list(String clientId, String productId, boolean belowReorder, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (belowReorder) {
            filters.add(Filters.eq("low", true));
        }
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

    /** Whether any record holds stock of this product (served by the unique index's product_id prefix). */
    public boolean existsFor(String productId) {
        return stock.find(Filters.eq("product_id", productId)).projection(Projections.include("_id")).first() != null;
    }

    private static boolean applied(Document d, String movementId) {
        return rememberedIds(d).contains(movementId);
    }

    private static Set<String> rememberedIds(Document d) {
        Set<String> ids = new HashSet<>(d.getList(RECENT, String.class, List.of()));
        d.getList(UNCONFIRMED, Document.class, List.of()).forEach(u -> ids.add(u.getString("movement_id")));
        return ids;
    }

    private static Bson key(String productId, String clientId) {
        return Filters.and(Filters.eq("product_id", productId), Filters.eq("client_id", clientId));
    }


    /**
     * Reads tolerantly. The suite stores quantities as whole steps with their {@code decimals}; a record without
     * {@code decimals} (the original's) holds quantities in units, possibly fractional (12.5), and is read exactly
     * by {@link StoredQuantities}.
     */
    static StockItem toItem(Document d) {
        StoredQuantities quantities = StoredQuantities.of(d, "quantity_on_hand", "quantity_allocated", "reorder_level");
        String unit = StoredValues.text(d, "unit");
        return new StockItem(StoredValues.id(d), StoredValues.text(d, "product_id"), StoredValues.text(d, "client_id"),
                quantities.steps("quantity_on_hand"), quantities.steps("quantity_allocated"),
                unit == null ? Quantities.UNIT : unit, quantities.decimals(), StoredValues.number(d, "ledger_seq", 0),
                StoredValues.instant(d, "created_at"), StoredValues.instant(d, "updated_at"),
                d.get("reorder_level") == null ? null : quantities.steps("reorder_level"),
                StoredValues.number(d, "reorder_version", 0), StoredValues.flag(d, "low", false));
    }
}
