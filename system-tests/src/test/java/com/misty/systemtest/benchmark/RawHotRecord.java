package com.misty.systemtest.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The bare conditional update an allocation rests on, against the suite's MongoDB stand-in directly: one
 * one-field document in a scratch database no service uses, so the services' data stays untouched.
 */
final class RawHotRecord implements AutoCloseable {

    private static final String ID = "hot";

    private final MongoClient client;
    private final MongoCollection<Document> records;
    private final Bson enoughStock = Filters.and(Filters.eq("_id", ID), Filters.gte("quantity_on_hand", 1));
    private final Bson takeOne = Updates.inc("quantity_on_hand", -1);
    // A projection makes the stand-in answer with a copy instead of its live document (see the root README).
    private final FindOneAndUpdateOptions answer = new FindOneAndUpdateOptions()
            .projection(Projections.include("quantity_on_hand")).returnDocument(ReturnDocument.AFTER);

    RawHotRecord(String mongodbUri, long quantity) {
        client = MongoClients.create(mongodbUri);
        records = client.getDatabase("benchmark_scratch").getCollection("hot_record");
        records.replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("quantity_on_hand", quantity),
                new ReplaceOptions().upsert(true));
    }

    /** True if one unit was taken (the filter matched). */
    boolean allocateOne() {
        return records.findOneAndUpdate(enoughStock, takeOne, answer) != null;
    }

    @Override
    public void close() {
        client.close();
    }
}
