package com.misty.inventory.repository;

import com.misty.inventory.domain.Movement;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** The archived ledger, {@code stock_movements}: one document per movement, keyed by the movement id. */
@ApplicationScoped
public class MovementRepository {

    private final MongoCollection<Document> movements;

    public MovementRepository(InventoryDatabase database) {
        this.movements = database.collection(InventoryDatabase.MOVEMENTS);
    }

    /** Copies movements in; a copy made twice (a projector that crashed before its cleanup) replaces itself. */
    public void archive(List<Movement> numbered) {
        if (numbered.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(numbered.size());
        for (Movement m : numbered) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", m.draft().movementId()), MovementDocuments.archived(m),
                    new ReplaceOptions().upsert(true)));
        }
        movements.bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }

    public List<Movement> after(String stockId, long afterSeq, int limit) {
        List<Movement> found = new ArrayList<>();
        movements.find(Filters.and(Filters.eq("stock_id", stockId), Filters.gt("seq", afterSeq)))
                .sort(Sorts.ascending("seq")).limit(limit)
                .forEach(d -> found.add(MovementDocuments.archived(d)));
        return found;
    }
}
