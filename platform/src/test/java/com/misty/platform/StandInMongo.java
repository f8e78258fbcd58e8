package com.misty.platform;

import com.misty.testkit.MongoStandIn;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test kit's MongoDB stand-in and a driver client of it for one test class, started before its first test and
 * closed after its last: {@code @RegisterExtension static final StandInMongo MONGO = new StandInMongo();}
 */
public final class StandInMongo implements BeforeAllCallback, AfterAllCallback {

    private MongoStandIn server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = MongoStandIn.start();
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }
}
