package com.misty.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data directory holds the broker's log, the stand-in's file, the keys and the logs: it must be a directory
 * the launcher can create, read and write, checked before anything starts so a bad one never leaves half a
 * suite running.
 */
final class DataDirectory {

    private DataDirectory() {
    }

    static void requireUsable(Path dataDir) {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw refused(dataDir, "it exists and is not a directory");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException | SecurityException e) {
            throw refused(dataDir, "it cannot be created (" + e.getMessage() + ")");
        }
        if (!Files.isReadable(dataDir) || !Files.isWritable(dataDir)) {
            throw refused(dataDir, "it must be readable and writable by this user");
        }
        try {
            Files.delete(Files.createTempFile(dataDir, ".write-check", ""));
        } catch (IOException | SecurityException e) {
            throw refused(dataDir, "a file cannot be written in it (" + e.getMessage() + ")");
        }
    }

    private static LaunchException refused(Path dataDir, String why) {
        return new LaunchException("the data directory " + dataDir + " (--data-dir or MISTY_DATA_DIR) is not usable: "
                + why + "; the broker, the MongoDB stand-in, the keys and the logs are kept there");
    }
}
