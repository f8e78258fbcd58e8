package com.misty.suite.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, per kind of record (read, imported, already present, renumbered, rejected with the reason
 * per record, the fields no mapping read), the users that must have their password reset, the renumbered records,
 * and the control sums: as JSON for the file, and as a summary for the terminal.
 */
public final class ImportReport {

    /** The counts and findings of one kind of record. */
    public static final class KindReport {
        public String sourceCollection;
        public boolean inSource;
        public long read;
        public long imported;
        public long alreadyPresent;
        public long renumbered;
        public long rejected;
        public long derivedFromReferences;
        public final List<Map<String, String>> rejections = new ArrayList<>();
        public final Map<String, Long> unmappedFields = new TreeMap<>();
        public long verified;
        public final List<String> notReadable = new ArrayList<>();
    }

    /** One control sum: the source's value over the records not rejected, the suite's over the records read back. */
    public record ControlSum(String source, String suite, boolean equal) {
    }

    public String source;
    public String suite;
    public boolean dryRun;
    public Instant startedAt = Instant.now();
    public Instant finishedAt;
    public final Map<String, KindReport> kinds = new LinkedHashMap<>();
    public final List<Map<String, String>> renumberedRecords = new ArrayList<>();
    public final List<String> passwordResetRequired = new ArrayList<>();
    public final Map<String, ControlSum> stockPerProduct = new TreeMap<>();
    public ControlSum leaveBalanceHours;
    public final Map<String, ControlSum> ordersPerStatus = new TreeMap<>();

    KindReport kind(String kind) {
        return kinds.computeIfAbsent(kind, k -> new KindReport());
    }

    /** Every control sum equal and every imported record readable through the gateway (not judged in a dry run). */
    public boolean consistent() {
        return !dryRun && stockPerProduct.values().stream().allMatch(ControlSum::equal)
                && (leaveBalanceHours == null || leaveBalanceHours.equal())
                && ordersPerStatus.values().stream().allMatch(ControlSum::equal)
                && kinds.values().stream().allMatch(k -> k.notReadable.isEmpty());
    }

    /** Records that changed in the suite: imported or renumbered (zero for a dry run or a second run). */
    public long changes() {
        return dryRun ? 0 : kinds.values().stream().mapToLong(k -> k.imported + k.renumbered).sum();
    }

    public JsonNode toJson() {
        ObjectMapper json = new ObjectMapper()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", source);
        root.put("suite", suite);
        root.put("dry_run", dryRun);
        root.put("started_at", startedAt.toString());
        root.put("finished_at", finishedAt == null ? null : finishedAt.toString());
        root.put("collections", kinds);
        root.put("renumbered", renumberedRecords);
        root.put("password_reset_required", passwordResetRequired);
        Map<String, Object> sums = new LinkedHashMap<>();
        sums.put("stock_per_product", stockPerProduct);
        sums.put("leave_balance_hours", leaveBalanceHours);
        sums.put("orders_per_status", ordersPerStatus);
        root.put("control_sums", sums);
        root.put("consistent", consistent());
        return json.valueToTree(root);
    }

    public void write(Path file) {
        try {
            Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The terminal summary: one line per kind, then what needs the operator's attention. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(dryRun ? "Dry run: nothing was written. What an import would do:\n" : "Import finished:\n");
        out.append(String.format("  %-18s %6s %8s %8s %10s %8s %8s%n", "collection", "read", "imported", "present",
                "renumbered", "rejected", "verified"));
        kinds.forEach((kind, k) -> out.append(k.inSource || k.derivedFromReferences > 0
                ? String.format("  %-18s %6d %8d %8d %10d %8d %8s%n", kind, k.read, k.imported, k.alreadyPresent,
                k.renumbered, k.rejected, dryRun ? "-" : String.valueOf(k.verified))
                : String.format("  %-18s (no collection '%s' in the original)%n", kind, k.sourceCollection)));
        kinds.forEach((kind, k) -> {
            k.rejections.forEach(r -> out.append("  rejected ").append(kind).append(' ').append(r.get("id"))
                    .append(": ").append(r.get("reason")).append('\n'));
            k.unmappedFields.forEach((field, count) -> out.append("  unmapped field ").append(kind).append('.').append(field)
                    .append(" in ").append(count).append(" record(s)\n"));
            k.notReadable.forEach(id -> out.append("  NOT READABLE through the gateway: ").append(kind).append(' ')
                    .append(id).append('\n'));
        });
        renumberedRecords.forEach(r -> out.append("  renumbered ").append(r.get("kind")).append(' ').append(r.get("id"))
                .append(": ").append(r.get("from")).append(" → ").append(r.get("to")).append('\n'));
        if (!passwordResetRequired.isEmpty()) {
            out.append("  must reset their password (hash not verifiable): ").append(String.join(", ", passwordResetRequired))
                    .append('\n');
        }
        if (!dryRun) {
            long differing = stockPerProduct.values().stream().filter(s -> !s.equal()).count()
                    + ordersPerStatus.values().stream().filter(s -> !s.equal()).count()
                    + (leaveBalanceHours != null && !leaveBalanceHours.equal() ? 1 : 0);
            out.append(String.format("  control sums: %d stock product(s), leave balance hours %s, %d order status(es): %s%n",
                    stockPerProduct.size(), leaveBalanceHours == null ? "-" : leaveBalanceHours.suite(), ordersPerStatus.size(),
                    differing == 0 ? "all equal" : differing + " DIFFER (see the report)"));
        }
        return out.toString();
    }
}
