package com.misty.orders.repository;

import com.misty.orders.config.OrdersConfig;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.UUID;

/**
 * Brings the database to what this build expects before requests arrive: migrations, indexes, counter. Every
 * step is idempotent (creating an existing index is a no-op), so replicas starting together may all run it.
 */
@ApplicationScoped
public class OrdersDatabaseSetup {

    private final OrdersDatabase database;
    private final String applicationName;
    private final OrdersConfig config;
    private final OrderNumberGenerator numbers;

    public OrdersDatabaseSetup(OrdersDatabase database,
                               @ConfigProperty(name = "quarkus.application.name") String applicationName,
                               OrdersConfig config, OrderNumberGenerator numbers) {
        this.database = database;
        this.applicationName = applicationName;
        this.config = config;
        this.numbers = numbers;
    }

    void onStart(@Observes StartupEvent event) {
        new OrderVersionMigration(database.database(), applicationName + "-" + UUID.randomUUID(),
                config.migration().lease(), config.migration().pollInterval(), Clock.systemUTC()).run();
        createOrderIndexes(database.collection(OrdersDatabase.ORDERS));
        createClientIndexes(database.collection(OrdersDatabase.CLIENTS));
        database.collection(OrdersDatabase.ORDER_HISTORY).createIndex(
                Indexes.ascending(HistoryEntity.ORDER_ID, HistoryEntity.VERSION), new IndexOptions().name("order_version"));
        numbers.ensureCounter();
    }

    /**
     * The unique order number is load-bearing, the others serve the list's filters and sorts on real MongoDB (the
     * stand-in ignores them); the README lists which query uses which.
     */
    private static void createOrderIndexes(MongoCollection<Document> orders) {
        orders.createIndex(Indexes.ascending(OrderDocuments.ORDER_NUMBER), new IndexOptions().unique(true).name("order_number_unique"));
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending(OrderDocuments.STATUS), Indexes.ascending(OrderDocuments.CLIENT_ID),
                Indexes.descending(OrderDocuments.CREATED_AT)), new IndexOptions().name("status_client_created"));
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending(OrderDocuments.CLIENT_ID),
                Indexes.descending(OrderDocuments.CREATED_AT)), new IndexOptions().name("client_created"));
        orders.createIndex(Indexes.compoundIndex(Indexes.descending(OrderDocuments.CREATED_AT),
                Indexes.descending(OrderDocuments.ORDER_NUMBER)), new IndexOptions().name("created_number"));
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending(OrderDocuments.DUE_DATE),
                Indexes.ascending(OrderDocuments.ORDER_NUMBER)), new IndexOptions().name("due_number"));
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending(OrderDocuments.STATUS),
                Indexes.ascending(OrderDocuments.DUE_DATE)), new IndexOptions().name("status_due"));
    }

    /** The unique code is load-bearing; the name index serves the list's sort on real MongoDB. */
    private static void createClientIndexes(MongoCollection<Document> clients) {
        clients.createIndex(Indexes.ascending(ClientDocuments.CODE), new IndexOptions().unique(true).name("code_unique"));
        clients.createIndex(Indexes.compoundIndex(Indexes.ascending(ClientDocuments.ACTIVE), Indexes.ascending(ClientDocuments.NAME)),
                new IndexOptions().name("active_name"));
    }
}
