package com.misty.inventory.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.inventory.domain.Movement;
import com.misty.platform.outbox.OutboxRelayService;
import com.misty.platform.outbox.OutboxWrites;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger, {@code stock_movements}: one insert-only document per movement, keyed by the movement id, with its
 * place in the record's history ({@code seq}, unique per stock) and the level after it. The document carries its
 * {@code StockLevelChanged} in its own outbox, so the entry and its announcement are written together.
 */
@ApplicationScoped
public class MovementRepository implements PanacheMongoRepositoryBase<MovementEntity, String> {

    private final OutboxRelayService relay;
    /** Panache's collection, looked up once (every movement writes an entry): as entries, and as raw documents. */
    private MongoCollection<MovementEntity> entries;
    private MongoCollection<Document> movements;
    /** The entries' inserts, each with its event in the entry's own outbox. */
    private OutboxWrites writes;

    public MovementRepository(OutboxRelayService relay) {
        this.relay = relay;
    }

    @PostConstruct
    void openCollection() {
        entries = mongoCollection();
        movements = entries.withDocumentClass(Document.class);
        writes = relay.writes(movements, Topics.INVENTORY_STOCK_LEVELS);
    }

    /** Writes the entry once; a second writer of the same movement (request and repair) finds it there. */
    public void record(Movement movement, EventEnvelope levelChanged) {
        try {
            // Sealed: an entry gets no events after its insert, so this replica's relay publishes its event from
            // memory, with neither a lease nor a read of the entry.
            writes.insertSealed(MovementDocuments.archived(movement), List.of(levelChanged));
        } catch (MongoWriteException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
        }
    }

    /** Which of these movements have their ledger entry. */
    public Set<String> recorded(List<String> movementIds) {
        Set<String> found = new HashSet<>();
        entries.find(Filters.in("_id", movementIds)).projection(Projections.include("_id"))
                .forEach(entry -> found.add(entry.id()));
        return found;
    }

    public boolean isRecorded(String movementId) {
        return entries.find(Filters.eq("_id", movementId)).projection(Projections.include("_id")).first() != null;
    }

    /** Sequence number → quantity change of a stock's entries with {@code from < seq <= to}, with their ids. */
    public Map<Long, Long> changesBetween(String stockId, long from, long to, Set<String> ids) {
        Map<Long, Long> changes = new HashMap<>();
        entries.find(Filters.and(Filters.eq("stock_id", stockId), Filters.gt("seq", from), Filters.lte("seq", to)))
                .projection(Projections.include("seq", "quantity_change"))
                .forEach(entry -> {
                    changes.put(entry.seq(), entry.quantityChange());
                    ids.add(entry.id());
                });
        return changes;
    }

    public List<Movement> after(String stockId, long afterSeq, int limit) {
        List<Movement> found = new ArrayList<>();
        movements.find(Filters.and(Filters.eq("stock_id", stockId), Filters.gt("seq", afterSeq)))
                .projection(Projections.exclude("outbox"))
                .sort(Sorts.ascending("seq")).limit(limit)
                .forEach(d -> found.add(MovementDocuments.archived(d)));
        return found;
    }
}
