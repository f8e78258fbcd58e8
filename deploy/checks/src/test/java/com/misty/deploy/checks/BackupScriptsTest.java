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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The backup, restore and freshness scripts, run for real with bash, against stand-ins for mongodump and
 * mongorestore that record their arguments (no mongod exists on the build machines): one consistent dump of
 * the whole replica set, verified with gzip -t, retention by age and count, the copy to a second location,
 * the freshness file and its check, and how a restore replays the oplog.
 */
class BackupScriptsTest {

    private static final Path SCRIPTS = RepositoryLayout.deploy().resolve("backup");
    private static final String URI = "mongodb://backup@mongodb:27017/?replicaSet=rs0&authSource=admin";
    private static final String STAMP = "\\d{8}T\\d{6}Z";

    @TempDir
    Path work;

    private Path bin;
    private Path backups;
    private Path calls;

    @BeforeEach
    void standInsForTheMongoDbTools() throws IOException {
        assumeTrue(new ExternalTool("bash").installed(), "bash is not installed");
        assumeTrue(new ExternalTool("gzip").installed(), "gzip is not installed");
        bin = Files.createDirectories(work.resolve("bin"));
        backups = Files.createDirectories(work.resolve("backups"));
        calls = work.resolve("calls.log");
        // Each stand-in logs its arguments and the content of a --config file; mongodump writes a gzip archive
        // where it was asked to, fails when FAIL is set, and writes garbage when CORRUPT is set.
        String logArguments = """
                echo "$(basename "$0") $*" >> "$CALLS"
                for arg in "$@"; do
                  case "$arg" in
                    --archive=*) archive="${arg#--archive=}" ;;
                    --config=*) echo "config: $(tr '\n' ' ' < "${arg#--config=}")" >> "$CALLS" ;;
                  esac
                done
                """;
        tool("mongodump", logArguments + """
                [ -z "${FAIL:-}" ] || { echo "cannot reach mongodb" >&2; exit 1; }
                if [ -n "${CORRUPT:-}" ]; then echo "not gzip" > "$archive"; else echo "dump of everything" | gzip > "$archive"; fi
                """);
        tool("mongorestore", logArguments);
    }

    @Test
    void aRunTakesOneConsistentDumpOfTheWholeReplicaSetAndRecordsItsFreshness() throws IOException {
        ExternalTool.Result result = backup(Map.of());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Path completed = single(completedBackups(backups));
        assertThat(completed.getFileName().toString()).matches(STAMP);
        assertThat(gzipTest(completed.resolve("dump.archive.gz"))).as("the archive is a valid gzip file").isZero();
        assertThat(calls("mongodump")).singleElement().satisfies(call -> assertThat(call)
                .contains("--oplog", "--gzip", "--archive=" + backups + "/", "--config=")
                .contains(".partial/dump.archive.gz")
                .doesNotContain("--db")
                // the connection string (a Kubernetes Secret's holds a password) only in the config file
                .doesNotContain("mongodb://"));
        assertThat(calls("config:")).singleElement().asString().contains("uri: \"" + URI + "\"");
        List<String> status = Files.readAllLines(backups.resolve("last-success"));
        assertThat(Long.parseLong(status.get(0))).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(status.get(1)).isEqualTo(completed.getFileName().toString());
        assertThat(result.stdout()).contains("verified");
    }

    @Test
    void thePasswordReachesMongodumpInAConfigFileNeverOnTheCommandLine() throws IOException {
        Path passwordFile = Files.writeString(work.resolve("backup-password"), "Example-not-a-secret-7\n");

        ExternalTool.Result result = backup(Map.of("MONGODB_PASSWORD_FILE", passwordFile.toString()));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<String> log = Files.readAllLines(calls);
        assertThat(log.get(0)).startsWith("mongodump ").contains("--config=").doesNotContain("Example-not-a-secret-7");
        assertThat(log.get(1)).isEqualTo("config: uri: \"" + URI + "\" password: \"Example-not-a-secret-7\" ");
    }

    @Test
    void aFailedDumpLeavesNoBackupThatLooksCompleteAndTheFreshnessFileAlone() throws IOException {
        ExternalTool.Result result = backup(Map.of("FAIL", "yes"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(entries(backups)).isEmpty();
    }

    @Test
    void aDumpThatFailsVerificationIsNoBackup() throws IOException {
        Path status = Files.writeString(backups.resolve("last-success"), "1700000000\n20231114T221320Z\n");

        ExternalTool.Result result = backup(Map.of("CORRUPT", "yes"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("verification failed (gzip -t)");
        assertThat(completedBackups(backups)).isEmpty();
        assertThat(entries(backups)).containsExactly(status);
        assertThat(status).hasContent("1700000000\n20231114T221320Z");
    }

    @Test
    void retentionByAgeDeletesOnlyCompletedBackupsAndStaleRunsOlderThanTheLimit() throws IOException {
        Path old = backupFolder(backups, "20250101T023000Z", Duration.ofDays(20));
        Path recent = backupFolder(backups, "20260120T023000Z", Duration.ofDays(3));
        Path staleRun = backupFolder(backups, "20250102T023000Z.partial", Duration.ofDays(20));
        Path someoneElses = backupFolder(backups, "keep-me", Duration.ofDays(400));
        Path oldFile = Files.writeString(backups.resolve("notes.txt"), "mine");
        Files.setLastModifiedTime(oldFile, FileTime.from(Instant.now().minus(Duration.ofDays(400))));

        ExternalTool.Result result = backup(Map.of("BACKUP_RETENTION_DAYS", "14"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(old).doesNotExist();
        assertThat(staleRun).doesNotExist();
        assertThat(recent).exists();
        assertThat(someoneElses).exists();
        assertThat(oldFile).exists();
        assertThat(completedBackups(backups)).hasSize(2);
        assertThat(result.stdout()).contains("deleted (older than retention)");
    }

    @Test
    void retentionByCountKeepsTheNewestOnes() throws IOException {
        List<Path> earlier = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            earlier.add(backupFolder(backups, "2026010" + day + "T023000Z", Duration.ofDays(1)));
        }
        Path someoneElses = backupFolder(backups, "keep-me", Duration.ofDays(1));

        ExternalTool.Result result = backup(Map.of("BACKUP_RETENTION_COUNT", "3", "BACKUP_RETENTION_DAYS", "0"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<Path> kept = completedBackups(backups);
        assertThat(kept).hasSize(3).contains(earlier.get(2), earlier.get(3));
        assertThat(kept.get(2).getFileName().toString()).as("the run's own backup").isGreaterThan("2026");
        assertThat(earlier.get(0)).doesNotExist();
        assertThat(earlier.get(1)).doesNotExist();
        assertThat(someoneElses).exists();
        assertThat(result.stdout()).contains("deleted (more than 3 backups)");
    }

    @Test
    void retentionOfZeroKeepsEverythingAndNonsenseIsRefused() throws IOException {
        Path old = backupFolder(backups, "20200101T023000Z", Duration.ofDays(2000));

        assertThat(backup(Map.of("BACKUP_RETENTION_DAYS", "0", "BACKUP_RETENTION_COUNT", "0")).exitCode()).isZero();
        assertThat(old).exists();
        assertThat(backup(Map.of("BACKUP_RETENTION_DAYS", "two weeks")).exitCode()).isEqualTo(2);
        assertThat(backup(Map.of("BACKUP_RETENTION_COUNT", "-1")).exitCode()).isEqualTo(2);
    }

    @Test
    void eachVerifiedBackupIsCopiedToTheSecondLocationWithTheSameRetention() throws IOException {
        Path second = Files.createDirectories(work.resolve("second"));
        Path oldCopy = backupFolder(second, "20250101T023000Z", Duration.ofDays(30));

        ExternalTool.Result result = backup(Map.of("BACKUP_COPY_DIR", second.toString(), "BACKUP_RETENTION_DAYS", "14"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Path original = single(completedBackups(backups));
        Path copy = single(completedBackups(second));
        assertThat(copy.getFileName()).isEqualTo(original.getFileName());
        assertThat(copy.resolve("dump.archive.gz")).hasSameBinaryContentAs(original.resolve("dump.archive.gz"));
        assertThat(oldCopy).doesNotExist();
    }

    @Test
    void theFreshnessCheckPassesAfterABackupAndFailsWhenItIsStaleOrMissing() throws IOException {
        assertThat(check().exitCode()).as("no backup yet").isEqualTo(1);
        assertThat(check().stdout()).contains("STALE");

        Path metrics = work.resolve("misty_backup.prom");
        assertThat(backup(Map.of("BACKUP_METRICS_FILE", metrics.toString())).exitCode()).isZero();
        ExternalTool.Result fresh = check();
        assertThat(fresh.exitCode()).as(fresh.stdout()).isZero();
        assertThat(fresh.stdout()).contains("OK");
        assertThat(Files.readString(metrics)).containsPattern("(?m)^misty_backup_last_success_timestamp_seconds \\d{10}$")
                .containsPattern("(?m)^misty_backup_last_size_bytes \\d+$");

        long twoDaysAgo = Instant.now().minus(Duration.ofHours(48)).getEpochSecond();
        Files.writeString(backups.resolve("last-success"), twoDaysAgo + "\n20260101T023000Z\n");
        ExternalTool.Result stale = check();
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.stdout()).contains("STALE", "48 h old");
    }

    @Test
    void restoreWithoutNamesRestoresTheWholeDumpAndReplaysTheOplog() throws IOException {
        Path backup = completedBackup();

        ExternalTool.Result result = restore(List.of(backup.toString()));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(calls("mongorestore")).singleElement().satisfies(call -> assertThat(call)
                .contains("--config=", "--gzip", "--drop", "--oplogReplay", "--archive=" + backup.resolve("dump.archive.gz"))
                .doesNotContain("mongodb://")
                // mongorestore refuses --oplogReplay together with an include
                .doesNotContain("--nsInclude"));
    }

    @Test
    void restoreOfNamedDatabasesTakesOnlyThoseFromTheSameArchive() throws IOException {
        Path backup = completedBackup();

        ExternalTool.Result result = restore(List.of(backup.toString(), "orders", "inventory"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<String> restores = calls("mongorestore");
        assertThat(restores).hasSize(2);
        assertThat(restores.get(0)).contains("--config=", "--gzip", "--drop", "--nsInclude=orders.*",
                "--archive=" + backup.resolve("dump.archive.gz")).doesNotContain("--oplogReplay");
        assertThat(restores.get(1)).contains("--nsInclude=inventory.*");
    }

    @Test
    void restoreTouchesNothingWhenANameIsWrongTheBackupUnfinishedMissingOrDamaged() throws IOException {
        Path backup = completedBackup();
        Path unfinished = Files.createDirectories(backups.resolve("20260101T000000Z.partial"));
        Path damaged = Files.createDirectories(backups.resolve("20260102T000000Z"));
        Files.writeString(damaged.resolve("dump.archive.gz"), "not gzip");

        assertThat(restore(List.of(backup.toString(), "orders", "ordres")).exitCode()).isEqualTo(2);
        assertThat(restore(List.of(backup.toString(), "admin")).exitCode()).isEqualTo(2);
        assertThat(restore(List.of(unfinished.toString())).exitCode()).isEqualTo(2);
        assertThat(restore(List.of(damaged.toString())).exitCode()).isEqualTo(2);
        assertThat(restore(List.of(backups.resolve("nope").toString())).exitCode()).isEqualTo(2);
        assertThat(restore(List.of()).exitCode()).isEqualTo(2);
        assertThat(calls).doesNotExist();
    }

    /** The logged lines that start with the given word (a tool's name, or "config:" for its config file). */
    private List<String> calls(String first) throws IOException {
        return Files.readAllLines(calls).stream().filter(line -> line.startsWith(first + " ")).toList();
    }

    private Path completedBackup() throws IOException {
        assertThat(backup(Map.of()).exitCode()).isZero();
        Files.delete(calls);
        return single(completedBackups(backups));
    }

    private ExternalTool.Result backup(Map<String, String> extra) {
        Map<String, String> environment = environment();
        environment.put("BACKUP_DIR", backups.toString());
        environment.putAll(extra);
        return new ExternalTool("bash").run(work, environment, List.of(SCRIPTS.resolve("misty-backup.sh").toString()));
    }

    private ExternalTool.Result check() {
        Map<String, String> environment = environment();
        environment.put("BACKUP_DIR", backups.toString());
        return new ExternalTool("bash").run(work, environment, List.of(SCRIPTS.resolve("misty-backup-check.sh").toString()));
    }

    private ExternalTool.Result restore(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(SCRIPTS.resolve("misty-restore.sh").toString()));
        command.addAll(arguments);
        return new ExternalTool("bash").run(work, environment(), command);
    }

    private int gzipTest(Path archive) {
        return new ExternalTool("gzip").run(work, Map.of(), List.of("-t", archive.toString())).exitCode();
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("MONGODB_URI", URI);
        environment.put("CALLS", calls.toString());
        return environment;
    }

    private static Path backupFolder(Path parent, String name, Duration age) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(name));
        Files.writeString(dir.resolve("dump.archive.gz"), "old");
        Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(age)));
        return dir;
    }

    private void tool(String name, String body) throws IOException {
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/usr/bin/env bash\nset -eu\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path single(List<Path> paths) {
        assertThat(paths).hasSize(1);
        return paths.get(0);
    }

    private static List<Path> completedBackups(Path dir) throws IOException {
        return entries(dir).stream().filter(p -> p.getFileName().toString().matches(STAMP)).toList();
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
