package com.misty.testkit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * The MongoDB stand-in for tests: mongo-java-server with its memory backend on a random loopback port.
 * It speaks the wire protocol of the real driver but lacks transactions, change streams, TTL and partial
 * indexes (see ARCHITECTURE.md), so code that passes here relies only on single-document atomicity.
 */
public final class MongoStandIn implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;

    private MongoStandIn(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public static MongoStandIn start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return new MongoStandIn(server, server.getLocalAddress());
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
