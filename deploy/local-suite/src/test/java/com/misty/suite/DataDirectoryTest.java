package com.misty.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void aMissingDirectoryIsCreatedAndLeftEmpty() throws IOException {
        Path dataDir = temp.resolve("suite/.data");

        DataDirectory.requireUsable(dataDir);

        assertThat(dataDir).isDirectory();
        try (var entries = Files.list(dataDir)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void aFileInThePlaceOfTheDirectoryIsRefusedWithTheReason() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "not a directory");

        assertThatThrownBy(() -> DataDirectory.requireUsable(file))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("the data directory " + file + " (--data-dir or MISTY_DATA_DIR) is not usable:"
                        + " it exists and is not a directory");
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsRefusedWithTheReason() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "not a directory");

        assertThatThrownBy(() -> DataDirectory.requireUsable(file.resolve("below")))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("is not usable: it cannot be created");
    }
}
