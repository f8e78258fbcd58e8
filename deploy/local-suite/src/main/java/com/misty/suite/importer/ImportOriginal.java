package com.misty.suite.importer;

import com.misty.suite.LaunchException;
import com.misty.suite.api.GatewayApi;
import com.mongodb.ConnectionString;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code ./import-original.sh}: brings the original system's MongoDB database into the running suite. See the root
 * README's "Import from the original system" for what it does and the mapping file's comments for what to adjust.
 * Exit code 0: done (or a dry run); 2: done, but a control sum differs or a record cannot be read back; 1: stopped
 * (nothing half-done is lost: run it again).
 */
public final class ImportOriginal {

    private static final String USAGE = """
            usage: ./import-original.sh --from mongodb://host:27017/misty [options]
              --from URI          the original system's MongoDB (its database: the URI's, or --database)
              --database NAME     the original's database name, if the URI names none (default: misty)
              --gateway URL       the suite's gateway (default: http://localhost:8080)
              --user NAME         an admin of the suite (default: admin); password from MISTY_IMPORT_PASSWORD,
                                  else asked for
              --mapping FILE      the mapping file (default: deploy/import/original-mapping.properties)
              --dry-run           decide everything, write nothing, print what would happen
              --report FILE       where the JSON report goes (default: import-report-<time>.json)
              --batch-size N      records per request, 1-500 (default: 200)""";

    /** What one run is asked to do. */
    public record Options(String from, String database, String gateway, String user, String password, Path mapping,
                          boolean dryRun, Path report, int batchSize) {
    }

    private ImportOriginal() {
    }

    public static void main(String[] args) {
        try {
            Options options = parse(args);
            ImportReport report = run(options, (kind, batch) -> System.out.printf("  %s: batch %d done%n", kind, batch));
            report.write(options.report());
            System.out.print(report.summary());
            System.out.println("Report: " + options.report());
            System.exit(report.dryRun || report.consistent() ? 0 : 2);
        } catch (LaunchException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One import (or dry run), reporting each answered batch to {@code listener}. */
    public static ImportReport run(Options options, OriginalImport.BatchListener listener) {
        ImportMapping mapping = options.mapping() == null ? ImportMapping.defaults() : ImportMapping.read(options.mapping());
        GatewayApi suite = GatewayApi.signIn(options.gateway(), options.user(), options.password());
        try (OriginalDatabase original = new OriginalDatabase(options.from(), options.database())) {
            ImportReport report = new OriginalImport(original, suite, mapping, options.dryRun(), options.batchSize(), listener).run();
            report.source = withoutCredentials(options.from()) + " (database " + options.database() + ")";
            report.suite = options.gateway();
            return report;
        }
    }

    static Options parse(String[] args) {
        String from = null;
        String database = null;
        String gateway = "http://localhost:8080";
        String user = "admin";
        Path mapping = Path.of("deploy/import/original-mapping.properties");
        boolean mappingGiven = false;
        boolean dryRun = false;
        Path report = Path.of("import-report-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        int batchSize = 200;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--dry-run")) {
                dryRun = true;
                continue;
            }
            if (name.equals("--help") || name.equals("-h")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new LaunchException(name + " needs a value\n" + USAGE);
                }
                value = args[++i];
            }
            switch (name) {
                case "--from" -> from = value;
                case "--database" -> database = value;
                case "--gateway" -> gateway = value.replaceAll("/+$", "");
                case "--user" -> user = value;
                case "--mapping" -> {
                    mapping = Path.of(value);
                    mappingGiven = true;
                }
                case "--report" -> report = Path.of(value);
                case "--batch-size" -> {
                    try {
                        batchSize = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        batchSize = 0;
                    }
                    if (batchSize < 1 || batchSize > 500) {
                        throw new LaunchException("--batch-size is a number from 1 to 500, not '" + value + "'");
                    }
                }
                default -> throw new LaunchException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (from == null) {
            throw new LaunchException("--from is required\n" + USAGE);
        }
        if (database == null) {
            try {
                database = new ConnectionString(from).getDatabase();
            } catch (IllegalArgumentException e) {
                throw new LaunchException("--from is not a MongoDB connection string: " + e.getMessage());
            }
        }
        if (!Files.isRegularFile(mapping)) {
            if (mappingGiven) {
                throw new LaunchException("no mapping file at " + mapping);
            }
            mapping = null;
        }
        return new Options(from, database == null ? "misty" : database, gateway, user, password(user), mapping, dryRun,
                report, batchSize);
    }

    private static String password(String user) {
        String password = System.getenv("MISTY_IMPORT_PASSWORD");
        if (password != null && !password.isEmpty()) {
            return password;
        }
        Console console = System.console();
        if (console == null) {
            throw new LaunchException("set MISTY_IMPORT_PASSWORD to the password of the suite's user '" + user + "'");
        }
        char[] typed = console.readPassword("Password of the suite's user '%s': ", user);
        return typed == null ? "" : new String(typed);
    }

    private static String withoutCredentials(String uri) {
        return uri.replaceFirst("//[^@/]*@", "//");
    }
}
