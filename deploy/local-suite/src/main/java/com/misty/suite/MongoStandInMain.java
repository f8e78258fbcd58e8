package com.misty.suite;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.RememberedKeysH2Backend;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local suite's MongoDB stand-in process: mongo-java-server with its H2 file backend, so data survives a
 * restart, and unique indexes that compare their keys without serializing them again and again
 * ({@code RememberedKeysH2Backend}). Args: port file.
 */
public final class MongoStandInMain {

    private MongoStandInMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        MongoServer server = new MongoServer(new RememberedKeysH2Backend(MVStore.open(file.toString())));
        // shutdown() closes the backend, which flushes the H2 store to disk.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongodb-shutdown"));
        ParentWatch.exitWhenParentDies();
        server.bind("127.0.0.1", port);
        System.out.println("MongoDB stand-in ready on 127.0.0.1:" + port + " (" + file + ")");
        Thread.currentThread().join();
    }
}
