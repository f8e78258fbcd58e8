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
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

/**
 * Hands out order numbers from one counter document: one atomic {@code findOneAndUpdate} with {@code $inc}
 * per number, so no two callers ever get the same value and nothing has to be retried. The unique index on
 * {@code orders.order_number} is the second line of defence.
 */
@ApplicationScoped
public class OrderNumberGenerator {

    static final String COUNTER_ID = "order_number";
    private static final String SEQUENCE = "seq";

    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> orders;
    private final OrderNumbers format;

    public OrderNumberGenerator(OrdersDatabase database, OrdersConfig config) {
        this.counters = database.collection(OrdersDatabase.COUNTERS);
        this.orders = database.collection(OrdersDatabase.ORDERS);
        this.format = new OrderNumbers(config.orderNumber().prefix(), config.orderNumber().digits());
    }

    public String next() {
        // The projection also makes the MongoDB stand-in copy the result inside its lock; without one it answers
        // with the live document, which a concurrent $inc can change before it is sent (duplicate numbers).
        Document counter = counters.findOneAndUpdate(Filters.eq("_id", COUNTER_ID), Updates.inc(SEQUENCE, 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include(SEQUENCE)));
        return format.format(((Number) counter.get(SEQUENCE)).longValue());
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
        for (Document order : orders.find().projection(Projections.include(OrderDocuments.ORDER_NUMBER))) {
            highest = Math.max(highest, OrderNumbers.sequenceOf(order.getString(OrderDocuments.ORDER_NUMBER)).orElse(0));
        }
        counters.updateOne(Filters.eq("_id", COUNTER_ID), Updates.max(SEQUENCE, highest), new UpdateOptions().upsert(true));
    }
}
