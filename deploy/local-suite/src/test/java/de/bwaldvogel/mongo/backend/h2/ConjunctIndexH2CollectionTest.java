package de.bwaldvogel.mongo.backend.h2;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in's collections find a query's documents through a unique index whose keys the query pins, and
 * answer every query, update and delete exactly as mongo-java-server's own H2 backend does.
 */
class ConjunctIndexH2CollectionTest {

    private static final int DOCUMENTS = 300;

    private final List<MongoServer> servers = new ArrayList<>();
    private MongoCollection<Document> plain;
    private MongoCollection<Document> indexed;
    private RememberedKeysH2Backend indexedBackend;

    @BeforeEach
    void twoStandIns() {
        plain = stock(new H2Backend(new MVStore.Builder().open()));
        indexedBackend = new RememberedKeysH2Backend(new MVStore.Builder().open());
        indexed = stock(indexedBackend);
        for (MongoCollection<Document> c : List.of(plain, indexed)) {
            c.createIndex(Indexes.ascending("product_id", "client_id"), new IndexOptions().unique(true));
            c.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
            c.createIndex(Indexes.ascending("at"), new IndexOptions().unique(true));
            Random random = new Random(5);
            for (int i = 0; i < DOCUMENTS; i++) {
                Document d = new Document("_id", "s" + i).append("product_id", "p" + (i % 17)).append("client_id", "c" + (i / 17))
                        .append("quantity_on_hand", (long) random.nextInt(20))
                        .append("status", i % 3 == 0 ? "ALLOCATED" : "RELEASED")
                        .append("recent", List.of("m" + i, "m" + (i + 1)))
                        .append("at", new Date(1_000L * i));
                if (i % 2 == 0) {
                    d.append("code", i % 4 == 0 ? "k" + i : (Object) (i * 10));
                }
                c.insertOne(d);
            }
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(MongoServer::shutdown);
    }

    @Test
    void answersEveryQueryAsTheUnchangedBackendDoes() {
        List<Bson> queries = List.of(
                Filters.and(Filters.eq("product_id", "p3"), Filters.eq("client_id", "c2")),
                Filters.and(Filters.eq("product_id", "p3"), Filters.eq("client_id", "c2"), Filters.gte("quantity_on_hand", 5L)),
                Filters.and(Filters.eq("product_id", "p3"), Filters.eq("client_id", "nobody")),
                Filters.and(Filters.eq("_id", "s51"), Filters.eq("status", "ALLOCATED")),
                Filters.and(Filters.eq("_id", "s52"), Filters.eq("status", "ALLOCATED")),
                Filters.and(Filters.eq("_id", "s60"), Filters.ne("recent", "m60")),
                Filters.and(Filters.eq("_id", "s60"), Filters.ne("recent", "m0")),
                Filters.and(Filters.in("_id", "s1", "s2", "s3", "s4", "s400"), Filters.eq("status", "RELEASED")),
                Filters.and(Filters.eq("_id", "s9"), Filters.not(Filters.gte("quantity_on_hand", 100L))),
                Filters.and(Filters.eq("_id", "s9"), Filters.eq("_id", "s10")),
                Filters.and(Filters.and(Filters.eq("client_id", "c1"), Filters.eq("status", "ALLOCATED")), Filters.eq("product_id", "p4")),
                Filters.and(Filters.eq("code", "k8"), Filters.exists("at")),
                Filters.and(Filters.eq("code", 20), Filters.eq("status", "RELEASED")),
                Filters.and(Filters.eq("code", 20L), Filters.eq("status", "RELEASED")),
                Filters.and(Filters.eq("code", 20.0), Filters.eq("status", "RELEASED")),
                Filters.and(Filters.eq("recent", "m7"), Filters.eq("status", "RELEASED")),
                Filters.and(Filters.eq("product_id", "p1"), Filters.lt("at", new Date(100_000))),
                Filters.and(Filters.eq("at", new Date(51_000)), Filters.eq("status", "ALLOCATED")),
                Filters.or(Filters.eq("_id", "s1"), Filters.eq("_id", "s2")),
                Filters.and(Filters.eq("_id", "s3"), Filters.or(Filters.eq("status", "ALLOCATED"), Filters.eq("status", "x"))),
                Filters.and(Filters.eq("product_id", null), Filters.eq("client_id", "c1")),
                new Document("_id", "s12").append("status", new Document("$in", List.of("ALLOCATED", "RELEASING"))),
                new Document("product_id", "p5").append("client_id", "c3").append("quantity_on_hand", new Document("$gt", -1)));
        for (Bson query : queries) {
            assertThat(ids(indexed, query)).as("%s", query).isEqualTo(ids(plain, query));
        }
        assertThat(ids(indexed, Filters.and(Filters.eq("_id", "s51"), Filters.eq("status", "ALLOCATED")))).containsExactly("s51");
    }

    @Test
    void updatesAndDeletesChangeWhatTheUnchangedBackendChanges() {
        Random random = new Random(11);
        for (int round = 0; round < 400; round++) {
            int i = random.nextInt(DOCUMENTS + 10);
            String product = "p" + (i % 17);
            String client = "c" + (i / 17);
            long take = random.nextInt(6);
            for (MongoCollection<Document> c : List.of(plain, indexed)) {
                c.findOneAndUpdate(Filters.and(Filters.eq("product_id", product), Filters.eq("client_id", client),
                                Filters.ne("recent", "m" + round), Filters.gte("quantity_on_hand", take)),
                        Updates.combine(Updates.inc("quantity_on_hand", -take), Updates.push("recent", "m" + round)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                c.updateOne(Filters.and(Filters.eq("_id", "s" + i), Filters.eq("status", "ALLOCATED")),
                        Updates.set("status", "RELEASING"));
                if (round % 50 == 0) {
                    c.deleteMany(Filters.and(Filters.in("_id", "s" + i, "s" + (i + 1)), Filters.eq("status", "RELEASED")));
                }
            }
        }
        assertThat(all(indexed)).isEqualTo(all(plain));
    }

    @Test
    void aQueryThatPinsAUniqueIndexReadsNotTheWholeCollection() {
        ConjunctIndexH2Collection collection = (ConjunctIndexH2Collection) indexedBackend.resolveDatabase("inventory")
                .resolveCollection("raw_substrate_stock", false);
        long before = collection.scans();

        indexed.findOneAndUpdate(Filters.and(Filters.eq("product_id", "p2"), Filters.eq("client_id", "c3"),
                Filters.gte("quantity_on_hand", 0L)), Updates.inc("quantity_on_hand", 1L));
        indexed.updateOne(Filters.and(Filters.eq("_id", "s4"), Filters.eq("status", "RELEASED")), Updates.set("x", 1));
        indexed.deleteMany(Filters.and(Filters.in("_id", "s5", "s7"), Filters.eq("owner", "nobody")));
        indexed.find(Filters.and(Filters.eq("code", "k12"), Filters.eq("status", "ALLOCATED"))).first();
        indexed.find(Filters.and(Filters.eq("at", new Date(12_000)), Filters.eq("status", "ALLOCATED"))).first();
        assertThat(collection.scans()).as("queries served by an index").isEqualTo(before);

        indexed.find(Filters.and(Filters.eq("status", "ALLOCATED"), Filters.eq("client_id", "c1"))).first();
        assertThat(collection.scans()).as("a query no unique index serves").isEqualTo(before + 1);
    }

    private MongoCollection<Document> stock(H2Backend backend) {
        MongoServer server = new MongoServer(backend);
        servers.add(server);
        MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
        return client.getDatabase("inventory").getCollection("raw_substrate_stock");
    }

    private static List<Object> ids(MongoCollection<Document> c, Bson query) {
        List<Object> ids = new ArrayList<>();
        c.find(query).sort(Sorts.ascending("_id")).forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    private static List<Document> all(MongoCollection<Document> c) {
        return c.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
