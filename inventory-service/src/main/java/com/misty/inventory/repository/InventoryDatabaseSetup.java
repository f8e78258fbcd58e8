package com.misty.inventory.repository;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Creates the indexes at startup, idempotently; the unique ones are what makes upserts and ledgers safe. */
@ApplicationScoped
public class InventoryDatabaseSetup {

    private final InventoryDatabase database;

    public InventoryDatabaseSetup(InventoryDatabase database) {
        this.database = database;
    }

    void onStart(@Observes StartupEvent event) {
        // One record per (product, client): concurrent first receipts cannot create two.
        database.collection(InventoryDatabase.STOCK).createIndex(Indexes.ascending("product_id", "client_id"),
                new IndexOptions().unique(true).name("product_client_unique"));
        database.collection(InventoryDatabase.STOCK).createIndex(Indexes.ascending("client_id"),
                new IndexOptions().name("client"));
        // GET /api/stock?below_reorder=true (sparse: only records that ever had a low flag).
        database.collection(InventoryDatabase.STOCK).createIndex(Indexes.ascending("low"),
                new IndexOptions().sparse(true).name("low"));
        // The repair's query for movements left without a ledger entry (multikey; empty lists are not indexed).
        database.collection(InventoryDatabase.STOCK).createIndex(Indexes.ascending("unconfirmed.at"),
                new IndexOptions().name("unconfirmed_at"));
        database.collection(InventoryDatabase.ALLOCATIONS).createIndex(Indexes.ascending("status", "claimed_at"),
                new IndexOptions().name("status_claimed_at"));
        database.collection(InventoryDatabase.MOVEMENTS).createIndex(Indexes.ascending("stock_id", "seq"),
                new IndexOptions().unique(true).name("stock_seq_unique"));
        database.collection(InventoryDatabase.ALLOCATIONS).createIndex(Indexes.ascending("order_id"),
                new IndexOptions().name("order"));
        // GET /api/stock/{id}/allocations: a record's open allocations, oldest first.
        database.collection(InventoryDatabase.ALLOCATIONS).createIndex(Indexes.ascending("stock_id", "status", "allocated_at"),
                new IndexOptions().name("stock_status_allocated_at"));
    }
}
