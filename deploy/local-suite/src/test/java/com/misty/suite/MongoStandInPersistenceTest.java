package com.misty.suite;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The local suite's stand-in keeps its data in an H2 file, so a second start finds what the first wrote. */
class MongoStandInPersistenceTest {

    @Test
    void dataSurvivesARestart(@TempDir Path dir) {
        String file = dir.resolve("standin.mv").toString();

        MongoServer first = new MongoServer(new H2Backend(file));
        String uri = first.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("inventory").getCollection("raw_substrate_stock")
                    .insertOne(new Document("_id", "s1").append("quantity_on_hand", 100L));
        }
        first.shutdown();

        MongoServer second = new MongoServer(new H2Backend(file));
        try (MongoClient client = MongoClients.create(second.bindAndGetConnectionString())) {
            Document stock = client.getDatabase("inventory").getCollection("raw_substrate_stock").find().first();
            assertThat(stock).containsEntry("quantity_on_hand", 100L);
        } finally {
            second.shutdown();
        }
    }
}
