package de.bwaldvogel.mongo.backend.h2;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stand-in's unique indexes with remembered keys order exactly as mongo-java-server's own: a file written by
 * either backend is read by the other, every document is found by its keys and a duplicate is still refused.
 */
class RememberedKeysH2BackendTest {

    @Test
    void comparesEveryPairOfKeysAsThePlainTypeDoes() {
        Random random = new Random(17);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(switch (i % 4) {
                case 0 -> new KeyValue(UUID.randomUUID().toString());
                case 1 -> new KeyValue("stock-" + random.nextInt(20), (long) random.nextInt(1000));
                case 2 -> new KeyValue(random.nextInt(50));
                default -> new KeyValue("product-" + random.nextInt(5), new Date(random.nextInt(1_000_000)));
            });
        }
        ObjectDataType plain = new ObjectDataType();
        for (int round = 0; round < 2; round++) {
            // The second round meets every key remembered already.
            for (KeyValue a : keys) {
                for (KeyValue b : keys) {
                    assertThat(Integer.signum(RememberedKeyType.INSTANCE.compare(a, b)))
                            .as("%s vs %s", a, b).isEqualTo(Integer.signum(plain.compare(a, b)));
                }
            }
        }
    }

    @Test
    void aFileWrittenByEitherBackendIsReadByTheOther(@TempDir Path dir) {
        String file = dir.resolve("standin.mv").toString();
        List<String> ids = new ArrayList<>();

        withServer(new H2Backend(MVStore.open(file)), stock -> {
            stock.createIndex(Indexes.ascending("stock_id", "seq"), new IndexOptions().unique(true));
            insert(stock, ids, 0, 1_500);
            return null;
        });
        withServer(new RememberedKeysH2Backend(MVStore.open(file)), stock -> {
            assertAllFoundAndDuplicatesRefused(stock, ids);
            insert(stock, ids, 1_500, 3_000);
            assertAllFoundAndDuplicatesRefused(stock, ids);
            return null;
        });
        withServer(new H2Backend(MVStore.open(file)), stock -> {
            assertAllFoundAndDuplicatesRefused(stock, ids);
            return null;
        });
    }

    private static void insert(MongoCollection<Document> stock, List<String> ids, int from, int to) {
        for (int i = from; i < to; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            stock.insertOne(new Document("_id", id).append("stock_id", "stock-" + (i % 7)).append("seq", (long) i));
        }
    }

    private static void assertAllFoundAndDuplicatesRefused(MongoCollection<Document> stock, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            assertThat(stock.find(Filters.eq("_id", ids.get(i))).first()).as("entry %d by _id", i)
                    .containsEntry("seq", (long) i);
            assertThat(stock.find(new Document("stock_id", "stock-" + (i % 7)).append("seq", (long) i)).first())
                    .as("entry %d by its unique key", i).containsEntry("_id", ids.get(i));
        }
        for (int i = 0; i < ids.size(); i += 97) {
            Document sameId = new Document("_id", ids.get(i)).append("stock_id", "other").append("seq", -1L);
            Document sameKey = new Document("_id", UUID.randomUUID().toString()).append("stock_id", "stock-" + (i % 7))
                    .append("seq", (long) i);
            for (Document duplicate : List.of(sameId, sameKey)) {
                assertThatThrownBy(() -> stock.insertOne(duplicate)).isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            }
        }
        assertThat(stock.countDocuments()).isEqualTo(ids.size());
    }

    private static void withServer(H2Backend backend, Function<MongoCollection<Document>, Void> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            work.apply(client.getDatabase("inventory").getCollection("stock_movements"));
        } finally {
            server.shutdown();
        }
    }
}
