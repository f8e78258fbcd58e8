package com.misty.orders.repository;

import com.misty.orders.config.OrdersConfig;
import com.misty.orders.domain.OrderNumbers;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

/**
 * Hands out order numbers from one counter document: one atomic {@code findOneAndUpdate} with {@code $inc}
 * per number, so no two callers ever get the same value and nothing has to be retried. The unique index on
 * {@code orders.order_number} is the second line of defence. {@link #ensureCounter} is start-up set-up
 * ({@code OrdersDatabaseSetup}), so it scans the orders through the database handle.
 */
@ApplicationScoped
public class OrderNumberGenerator implements PanacheMongoRepositoryBase<CounterEntity, String> {

    static final String COUNTER_ID = "order_number";
    private static final String SEQUENCE = "seq";

    private final OrdersDatabase database;
    private final OrderNumbers format;
    /** Panache's collection, looked up once: every new order takes a number. */
    private MongoCollection<CounterEntity> counters;

    public OrderNumberGenerator(OrdersDatabase database, OrdersConfig config) {
        this.database = database;
        this.format = new OrderNumbers(config.orderNumber().prefix(), config.orderNumber().digits());
    }

    @PostConstruct
    void openCollection() {
        counters = mongoCollection();
    }

    public String next() {
        // The projection also makes the MongoDB stand-in copy the result inside its lock; without one it answers
        // with the live document, which a concurrent $inc can change before it is sent (duplicate numbers).
        CounterEntity counter = counters.findOneAndUpdate(Filters.eq("_id", COUNTER_ID), Updates.inc(SEQUENCE, 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include(SEQUENCE)));
        return format.format(counter.seq());
    }

    /** Lets the counter continue above {@code sequence} (imported numbers); {@code $max} never lowers it. */
    public void continueAbove(long sequence) {
        counters.updateOne(Filters.eq("_id", COUNTER_ID), Updates.max(SEQUENCE, sequence), new UpdateOptions().upsert(true));
    }

    /**
     * Makes sure the counter exists and is not below any number already stored (e.g. imported from the
     * original system). {@code $max} never lowers it, so replicas starting together may all run this.
     */
    public void ensureCounter() {
        if (counters.find(Filters.eq("_id", COUNTER_ID)).first() != null) {
            return;
        }
        long highest = 0;
        for (Document order : database.collection(OrdersDatabase.ORDERS).find().projection(Projections.include(OrderDocuments.ORDER_NUMBER))) {
            highest = Math.max(highest, OrderNumbers.sequenceOf(order.getString(OrderDocuments.ORDER_NUMBER)).orElse(0));
        }
        counters.updateOne(Filters.eq("_id", COUNTER_ID), Updates.max(SEQUENCE, highest), new UpdateOptions().upsert(true));
    }
}
