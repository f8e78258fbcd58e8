package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * An {@link H2Collection} that finds the documents of a query through a unique index whenever the query pins that
 * index's keys, as MongoDB's planner does. mongo-java-server uses an index only when the query's fields are exactly
 * the index's keys, so a guarded update ({@code {_id: x, status: "ALLOCATED"}}) or any filter built with
 * {@code Filters.and} (the driver sends {@code {$and: [...]}}) read every document of the collection, deserializing
 * each one from the H2 file, while holding the collection's lock. Here the index narrows the candidates to the one
 * document with those keys, and the whole query is still matched against it, so the answer is the same: every
 * document the query matches has those key values, hence that index entry. (For an {@code $in} the candidates come
 * in the index's order, not the collection's; MongoDB promises no order without a sort either.)
 *
 * <p>Only conjuncts are used (top-level fields and the clauses of a top-level {@code $and}, recursively), and only
 * plain values or an {@code $in} of plain values on a single-key index, and no index on a dotted path; anything
 * else (a range, {@code $ne}, {@code $or}, an array, a regular expression) leaves the query to mongo-java-server as
 * before.
 */
final class ConjunctIndexH2Collection extends H2Collection {

    /** Queries answered by reading the whole collection (for the tests: a query an index serves adds none). */
    private final LongAdder scans = new LongAdder();

    ConjunctIndexH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                              MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        // A query of exactly an index's keys is pinned too; whatever is not pinned goes to mongo-java-server as before.
        Map<String, Object> pinned = pinnedFields(query);
        if (!pinned.isEmpty()) {
            for (Index<Object> index : getIndexes()) {
                Document keys = keysPinnedBy(index, pinned);
                if (keys != null && index.canHandle(keys)) {
                    return matchDocuments(query, index.getPositions(keys), orderBy, numberToSkip, limit, batchSize,
                            fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        scans.increment();
        return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    long scans() {
        return scans.sum();
    }

    /** The index's keys with the values the query pins them to; null unless the query pins every one. */
    private static Document keysPinnedBy(Index<Object> index, Map<String, Object> pinned) {
        if (!index.isUnique()) {
            return null;
        }
        List<IndexKey> keys = index.getKeys();
        if (keys.stream().anyMatch(key -> key.getKey().contains("."))) {
            // A dotted path is indexed without entering nested arrays, which the matcher does enter: not a safe pin.
            return null;
        }
        Document lookup = new Document();
        for (IndexKey key : keys) {
            Object value = pinned.get(key.getKey());
            if (value == null || (value instanceof Document && keys.size() > 1)) {
                return null;
            }
            lookup.put(key.getKey(), value);
        }
        return lookup;
    }

    /**
     * Field → the value a conjunct of the query pins it to: an equality to a plain value, or an {@code $in} of plain
     * values (kept as the {@code {$in: [...]}} document). A field pinned twice keeps its first equality.
     */
    private static Map<String, Object> pinnedFields(Document query) {
        Map<String, Object> pinned = new LinkedHashMap<>();
        collectPinned(query, pinned);
        return pinned;
    }

    private static void collectPinned(Document clause, Map<String, Object> pinned) {
        for (Map.Entry<String, Object> field : clause.entrySet()) {
            String name = field.getKey();
            Object value = field.getValue();
            if (name.equals("$and") && value instanceof Collection<?> clauses) {
                for (Object inner : clauses) {
                    if (inner instanceof Document innerClause) {
                        collectPinned(innerClause, pinned);
                    }
                }
            } else if (!name.startsWith("$") && !pinned.containsKey(name)) {
                if (isPlain(value) || isInOfPlainValues(value)) {
                    pinned.put(name, value);
                }
            }
        }
    }

    private static boolean isInOfPlainValues(Object value) {
        return value instanceof Document operator && operator.size() == 1
                && operator.get("$in") instanceof Collection<?> values && !values.isEmpty()
                && values.stream().allMatch(ConjunctIndexH2Collection::isPlain);
    }

    /** A value an index entry equals exactly: not null (a missing field), not an array, operator or pattern. */
    private static boolean isPlain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Instant
                || value instanceof Date || value instanceof ObjectId || value instanceof UUID;
    }
}
