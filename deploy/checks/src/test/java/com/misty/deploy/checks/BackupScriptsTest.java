package com.misty.deploy.checks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The backup and restore scripts, run for real with bash, against stand-ins for mongodump and mongorestore
 * that record their arguments (no mongod exists on the build machines): which databases are dumped and
 * restored, how, and that retention deletes only old completed backups.
 */
class BackupScriptsTest {

    private static final Path SCRIPTS = RepositoryLayout.deploy().resolve("backup");
    private static final List<String> DATABASES = List.of("auth", "inventory", "payroll", "orders");
    private static final String URI = "mongodb://mongodb:27017/?replicaSet=rs0";

    @TempDir
    Path work;

    private Path bin;
    private Path backups;
    private Path calls;

    @BeforeEach
    void standInsForTheMongoDbTools() throws IOException {
        assumeTrue(new ExternalTool("bash").installed(), "bash is not installed");
        bin = Files.createDirectories(work.resolve("bin"));
        backups = Files.createDirectories(work.resolve("backups"));
        calls = work.resolve("calls.log");
        // Each stand-in logs its arguments; mongodump writes the archive it was asked for, and fails for the
        // database named in FAIL_DB.
        tool("mongodump", """
                echo "mongodump $*" >> "$CALLS"
                for arg in "$@"; do
                  case "$arg" in
                    --db=*) db="${arg#--db=}" ;;
                    --archive=*) archive="${arg#--archive=}" ;;
                  esac
                done
                [ "$db" != "${FAIL_DB:-}" ] || { echo "cannot reach $db" >&2; exit 1; }
                echo "dump of $db" > "$archive"
                """);
        tool("mongorestore", "echo \"mongorestore $*\" >> \"$CALLS\"\n");
    }

    @Test
    void aRunDumpsEveryServiceDatabaseIntoOneCompletedTimestampedFolder() throws IOException {
        ExternalTool.Result result = backup(Map.of());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<Path> completed = entries(backups);
        assertThat(completed).singleElement().satisfies(dir ->
                assertThat(dir.getFileName().toString()).matches("\\d{8}T\\d{6}Z"));
        for (String db : DATABASES) {
            assertThat(completed.get(0).resolve(db + ".archive.gz")).hasContent("dump of " + db);
        }
        List<String> dumps = Files.readAllLines(calls);
        assertThat(dumps).hasSize(DATABASES.size());
        for (String db : DATABASES) {
            assertThat(dumps).anySatisfy(call -> assertThat(call)
                    .contains("--uri=" + URI, "--db=" + db, "--gzip", "--archive=" + backups + "/")
                    .contains(".partial/" + db + ".archive.gz"));
        }
    }

    @Test
    void aFailedDumpLeavesNoBackupThatLooksComplete() throws IOException {
        ExternalTool.Result result = backup(Map.of("FAIL_DB", "payroll"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(entries(backups)).isEmpty();
    }

    @Test
    void retentionDeletesOnlyCompletedBackupsAndStaleRunsOlderThanTheLimit() throws IOException {
        Path old = backupFolder("20250101T023000Z", Duration.ofDays(20));
        Path recent = backupFolder("20260120T023000Z", Duration.ofDays(3));
        Path staleRun = backupFolder("20250102T023000Z.partial", Duration.ofDays(20));
        Path someoneElses = backupFolder("keep-me", Duration.ofDays(400));
        Path oldFile = Files.writeString(backups.resolve("notes.txt"), "mine");
        Files.setLastModifiedTime(oldFile, FileTime.from(Instant.now().minus(Duration.ofDays(400))));

        ExternalTool.Result result = backup(Map.of("BACKUP_RETENTION_DAYS", "14"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(old).doesNotExist();
        assertThat(staleRun).doesNotExist();
        assertThat(recent).exists();
        assertThat(someoneElses).exists();
        assertThat(oldFile).exists();
        assertThat(entries(backups)).hasSize(4);
        assertThat(result.stdout()).contains("deleted (older than retention)");
    }

    @Test
    void retentionOfZeroKeepsEverythingAndNonsenseIsRefused() throws IOException {
        Path old = backupFolder("20200101T023000Z", Duration.ofDays(2000));

        assertThat(backup(Map.of("BACKUP_RETENTION_DAYS", "0")).exitCode()).isZero();
        assertThat(old).exists();
        assertThat(backup(Map.of("BACKUP_RETENTION_DAYS", "two weeks")).exitCode()).isEqualTo(2);
    }

    @Test
    void restoreReplacesEachNamedDatabaseFromItsOwnArchive() throws IOException {
        Path backup = completedBackup();

        ExternalTool.Result result = restore(List.of(backup.toString(), "orders", "inventory"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<String> restores = Files.readAllLines(calls);
        assertThat(restores).hasSize(2);
        assertThat(restores.get(0)).contains("--uri=" + URI, "--gzip", "--drop", "--nsInclude=orders.*",
                "--archive=" + backup.resolve("orders.archive.gz"));
        assertThat(restores.get(1)).contains("--nsInclude=inventory.*", "--archive=" + backup.resolve("inventory.archive.gz"));
    }

    @Test
    void restoreWithoutNamesRestoresEveryDatabaseInTheBackup() throws IOException {
        Path backup = completedBackup();

        ExternalTool.Result result = restore(List.of(backup.toString()));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readAllLines(calls)).hasSize(DATABASES.size());
        for (String db : DATABASES) {
            assertThat(Files.readAllLines(calls)).anySatisfy(call -> assertThat(call).contains("--nsInclude=" + db + ".*"));
        }
    }

    @Test
    void restoreTouchesNothingWhenAnyNamedArchiveIsMissingOrTheBackupIsUnfinished() throws IOException {
        Path backup = completedBackup();
        Path unfinished = Files.createDirectories(backups.resolve("20260101T000000Z.partial"));

        assertThat(restore(List.of(backup.toString(), "orders", "ordres")).exitCode()).isEqualTo(2);
        assertThat(restore(List.of(unfinished.toString())).exitCode()).isEqualTo(2);
        assertThat(restore(List.of(backups.resolve("nope").toString())).exitCode()).isEqualTo(2);
        assertThat(restore(List.of()).exitCode()).isEqualTo(2);
        assertThat(calls).doesNotExist();
    }

    private Path completedBackup() throws IOException {
        assertThat(backup(Map.of()).exitCode()).isZero();
        Files.delete(calls);
        return entries(backups).get(0);
    }

    private ExternalTool.Result backup(Map<String, String> extra) {
        Map<String, String> environment = environment();
        environment.put("BACKUP_DIR", backups.toString());
        environment.putAll(extra);
        return new ExternalTool("bash").run(work, environment, List.of(SCRIPTS.resolve("misty-backup.sh").toString()));
    }

    private ExternalTool.Result restore(List<String> arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPTS.resolve("misty-restore.sh").toString()));
        command.addAll(arguments);
        return new ExternalTool("bash").run(work, environment(), command);
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("MONGODB_URI", URI);
        environment.put("CALLS", calls.toString());
        return environment;
    }

    private Path backupFolder(String name, Duration age) throws IOException {
        Path dir = Files.createDirectories(backups.resolve(name));
        Files.writeString(dir.resolve("auth.archive.gz"), "old");
        Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(age)));
        return dir;
    }

    private void tool(String name, String body) throws IOException {
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/usr/bin/env bash\nset -eu\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
