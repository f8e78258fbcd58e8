package com.misty.suite.importer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The original system's database, read only: its records as the JSON the import endpoints take (ObjectIds as hex
 * text, dates as ISO instants, decimals exactly, doubles by their shortest text so 12.5 stays 12.5), in a stable
 * order ({@code _id}) so an interrupted import, run again, sends the same batches.
 */
final class OriginalDatabase implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase database;

    OriginalDatabase(String uri, String databaseName) {
        this.client = MongoClients.create(uri);
        this.database = client.getDatabase(databaseName);
    }

    boolean has(String collection) {
        return database.listCollectionNames().into(new ArrayList<>()).contains(collection);
    }

    long count(String collection) {
        return database.getCollection(collection).countDocuments();
    }

    /** Every record of {@code collection}, renamed by {@code renames}, in batches of {@code size}. */
    void readInBatches(String collection, Map<String, String> renames, int size, Consumer<List<Map<String, Object>>> batch) {
        MongoCollection<Document> records = database.getCollection(collection);
        List<Map<String, Object>> current = new ArrayList<>(size);
        for (Document document : records.find().sort(new Document("_id", 1))) {
            current.add(renamed(plain(document), renames));
            if (current.size() == size) {
                batch.accept(current);
                current = new ArrayList<>(size);
            }
        }
        if (!current.isEmpty()) {
            batch.accept(current);
        }
    }

    private static Map<String, Object> renamed(Map<String, Object> record, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return record;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        record.forEach((field, value) -> out.put(renames.getOrDefault(field, field), value));
        return out;
    }

    static Map<String, Object> plain(Document document) {
        Map<String, Object> out = new LinkedHashMap<>();
        document.forEach((field, value) -> out.put(field, plainValue(value)));
        return out;
    }

    private static Object plainValue(Object value) {
        if (value instanceof Document nested) {
            return plain(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OriginalDatabase::plainValue).toList();
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Double d) {
            // NaN and infinities stay text: the service refuses them as "not a number", with the record's id.
            return d.isNaN() || d.isInfinite() ? d.toString() : new BigDecimal(Double.toString(d));
        }
        if (value instanceof Binary binary) {
            return java.util.Base64.getEncoder().encodeToString(binary.getData());
        }
        return value;
    }

    @Override
    public void close() {
        client.close();
    }
}
