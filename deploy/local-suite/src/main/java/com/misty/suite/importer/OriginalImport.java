package com.misty.suite.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.suite.api.GatewayApi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static com.misty.suite.api.GatewayApi.body;

/**
 * Moves the original system's database into the suite through each owning service's admin import endpoint, in
 * batches, in the order references need (profiles before the users whose UserCreated would otherwise make payroll
 * a stub profile; clients before the orders naming them). Every endpoint is idempotent per record, so a second run
 * changes nothing and an interrupted run is completed by running it again. Afterwards every record not rejected is
 * read back through the gateway, and the control sums of the source are compared with the suite's.
 */
public final class OriginalImport {

    /** Called after every batch a service answered (the test stops an import half-way through it). */
    public interface BatchListener {
        void afterBatch(String kind, int batchNumber);
    }

    /** One kind of record: where it goes, under which request field, and where a record of it is read back. */
    private record Kind(String name, String endpoint, String requestField, Function<String, String> readBack) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("employee_profiles", "/api/payroll/import", "employees", id -> "/api/payroll/employees/" + id),
            new Kind("leave_requests", "/api/payroll/import", "leave_requests", id -> "/api/payroll/leave-requests/" + id),
            new Kind("timesheets", "/api/payroll/import", "timesheets", id -> "/api/payroll/timesheets/" + id),
            new Kind("users", "/api/auth/import", "users", id -> "/api/auth/users/" + id),
            new Kind("products", "/api/stock/import", "products", id -> "/api/stock/products/" + id),
            new Kind("stock", "/api/stock/import", "stock", id -> "/api/stock/" + id),
            new Kind("clients", "/api/orders/import", "clients", id -> "/api/clients/" + id),
            new Kind("orders", "/api/orders/import", "orders", id -> "/api/orders/" + id));

    private static final List<String> BALANCE_TYPES = List.of("annual", "sick", "personal");

    private final OriginalDatabase original;
    private final GatewayApi suite;
    private final ImportMapping mapping;
    private final boolean dryRun;
    private final int batchSize;
    private final BatchListener listener;
    private final ImportReport report = new ImportReport();

    /** Ids of the records not rejected, per kind: read back afterwards. */
    private final Map<String, List<String>> accepted = new HashMap<>();
    /** The source records behind the control sums, by id. */
    private final Map<String, Map<String, Object>> stockById = new HashMap<>();
    private final Map<String, Map<String, Object>> profileById = new HashMap<>();
    private final Map<String, String> orderStatusById = new HashMap<>();
    /** In a dry run: how many records of the run hold each number (kind + original number → holders). */
    private final Map<String, Integer> claimedInDryRun = new HashMap<>();

    OriginalImport(OriginalDatabase original, GatewayApi suite, ImportMapping mapping, boolean dryRun, int batchSize,
                   BatchListener listener) {
        this.original = original;
        this.suite = suite;
        this.mapping = mapping;
        this.dryRun = dryRun;
        this.batchSize = batchSize;
        this.listener = listener;
        report.dryRun = dryRun;
    }

    ImportReport run() {
        Map<String, Map<String, Object>> derivedClients = clientsOnlyReferenced();
        for (Kind kind : KINDS) {
            ImportReport.KindReport counts = report.kind(kind.name());
            counts.sourceCollection = mapping.collection(kind.name());
            counts.inSource = original.has(counts.sourceCollection);
            int[] batchNumber = {0};
            if (counts.inSource) {
                original.readInBatches(counts.sourceCollection, mapping.renames(kind.name()), batchSize, batch -> {
                    send(kind, batch);
                    listener.afterBatch(kind.name(), ++batchNumber[0]);
                });
            }
            if (kind.name().equals("clients") && !derivedClients.isEmpty()) {
                // Clients the orders and stock name but the original kept no record of: made from those references.
                List<Map<String, Object>> derived = new ArrayList<>(derivedClients.values());
                counts.derivedFromReferences = derived.size();
                for (int from = 0; from < derived.size(); from += batchSize) {
                    send(kind, derived.subList(from, Math.min(derived.size(), from + batchSize)));
                    listener.afterBatch(kind.name(), ++batchNumber[0]);
                }
            }
        }
        if (!dryRun) {
            readBack();
            controlSums();
        }
        report.finishedAt = java.time.Instant.now();
        return report;
    }

    private void send(Kind kind, List<Map<String, Object>> records) {
        Map<String, Object> request = body(kind.requestField(), records, "dry_run", dryRun);
        switch (kind.endpoint()) {
            case "/api/payroll/import" -> request.put("balance_fields", mapping.balanceFields());
            case "/api/auth/import" -> {
                request.put("role_map", mapping.roleMap());
                request.put("hash_field", mapping.hashField());
            }
            case "/api/stock/import" -> request.put("unit_map", mapping.unitMap());
            case "/api/orders/import" -> request.put("status_map", mapping.statusMap());
            default -> throw new IllegalStateException(kind.endpoint());
        }
        JsonNode answer = suite.post(kind.endpoint(), request);
        ImportReport.KindReport counts = report.kind(kind.name());
        counts.read += records.size();
        JsonNode outcomes = kind.name().equals("clients") ? answer.path("clients").path("outcomes") : answer.path("outcomes");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        records.forEach(r -> byId.put(String.valueOf(r.get("id")), r));
        for (JsonNode outcome : outcomes) {
            // payroll and inventory answer for several collections at once, each outcome naming its own
            if (outcome.has("collection") && !outcome.path("collection").asText().equals(kind.name())) {
                continue;
            }
            String id = outcome.path("id").asText(null);
            switch (predictedAcrossBatches(kind, outcome)) {
                case "IMPORTED" -> counts.imported++;
                case "ALREADY_PRESENT" -> counts.alreadyPresent++;
                case "RENUMBERED" -> {
                    counts.renumbered++;
                    String from = text(outcome, "original_order_number", "original_code");
                    String to = text(outcome, "order_number", "code");
                    report.renumberedRecords.add(Map.of("kind", kind.name(), "id", id, "from", from,
                            "to", to.equals(from) ? from + "-DUP" + claimedInDryRun.get(kind.name() + ":" + from) : to));
                }
                default -> {
                    counts.rejected++;
                    Map<String, String> rejection = new LinkedHashMap<>();
                    rejection.put("id", id);
                    rejection.put("reason", outcome.path("reason").asText());
                    counts.rejections.add(rejection);
                    continue;
                }
            }
            accepted.computeIfAbsent(kind.name(), k -> new ArrayList<>()).add(id);
            if (outcome.path("password_reset_required").asBoolean(false)) {
                report.passwordResetRequired.add(outcome.path("username").asText());
            }
            switch (kind.name()) {
                case "stock" -> stockById.put(id, byId.get(id));
                case "employee_profiles" -> profileById.put(id, byId.get(id));
                case "orders" -> orderStatusById.put(id, outcome.path("status").asText());
                default -> {
                }
            }
        }
        // auth answers for users alone (field → count); the others per collection ({"orders": {field → count}})
        JsonNode unmapped = kind.name().equals("users") ? answer.path("unmapped_fields")
                : answer.path("unmapped_fields").path(kind.name());
        unmapped.fields().forEachRemaining(f -> counts.unmappedFields.merge(f.getKey(), f.getValue().asLong(), Long::sum));
    }

    /**
     * A service's dry run knows the numbers (order numbers, client codes) of its own request only, and writes none,
     * so a number a record of an earlier batch would take looks free to it: the importer counts the numbers of the
     * whole dry run and predicts the renumbering an import would do (the n-th holder of a number gets -DUPn).
     */
    private String predictedAcrossBatches(Kind kind, JsonNode outcome) {
        String said = outcome.path("outcome").asText();
        boolean numbered = kind.name().equals("orders") || kind.name().equals("clients");
        if (!dryRun || !numbered || !(said.equals("IMPORTED") || said.equals("RENUMBERED"))) {
            return said;
        }
        String original = text(outcome, "original_order_number", "original_code");
        int holders = claimedInDryRun.merge(kind.name() + ":" + original, 1, Integer::sum);
        return holders > 1 ? "RENUMBERED" : said;
    }

    /** Every record not rejected, read back through the gateway by its id: the import is only done if each answers. */
    private void readBack() {
        for (Kind kind : KINDS) {
            ImportReport.KindReport counts = report.kind(kind.name());
            for (String id : accepted.getOrDefault(kind.name(), List.of())) {
                if (suite.find(kind.readBack().apply(id)) != null) {
                    counts.verified++;
                } else {
                    counts.notReadable.add(id);
                }
            }
        }
    }

    private void controlSums() {
        Map<String, BigDecimal> sourceStock = new TreeMap<>();
        Map<String, BigDecimal> suiteStock = new TreeMap<>();
        stockById.forEach((id, record) -> {
            String product = String.valueOf(record.get("product_id"));
            sourceStock.merge(product, decimal(record.get("quantity_on_hand")), BigDecimal::add);
            JsonNode stored = suite.find("/api/stock/" + id);
            suiteStock.merge(product, stored == null ? BigDecimal.ZERO : stored.path("physical").decimalValue(), BigDecimal::add);
        });
        sourceStock.forEach((product, total) -> report.stockPerProduct.put(product, sum(total, suiteStock.get(product))));

        Map<String, String> balanceFields = new LinkedHashMap<>();
        BALANCE_TYPES.forEach(type -> balanceFields.put(type, type + "_leave_balance"));
        balanceFields.putAll(mapping.balanceFields());
        BigDecimal sourceHours = BigDecimal.ZERO;
        BigDecimal suiteHours = BigDecimal.ZERO;
        for (Map.Entry<String, Map<String, Object>> profile : profileById.entrySet()) {
            for (String type : BALANCE_TYPES) {
                sourceHours = sourceHours.add(decimal(profile.getValue().get(balanceFields.get(type))));
            }
            JsonNode stored = suite.find("/api/payroll/employees/" + profile.getKey());
            for (String type : BALANCE_TYPES) {
                suiteHours = suiteHours.add(stored == null ? BigDecimal.ZERO : stored.path("leave_balances").path(type).decimalValue());
            }
        }
        if (!profileById.isEmpty()) {
            report.leaveBalanceHours = sum(sourceHours, suiteHours);
        }

        Map<String, Long> sourceStatuses = new TreeMap<>();
        Map<String, Long> suiteStatuses = new TreeMap<>();
        orderStatusById.forEach((id, status) -> {
            sourceStatuses.merge(status, 1L, Long::sum);
            JsonNode stored = suite.find("/api/orders/" + id);
            suiteStatuses.merge(stored == null ? "(missing)" : stored.path("status").asText(), 1L, Long::sum);
        });
        Set<String> statuses = new HashSet<>(sourceStatuses.keySet());
        statuses.addAll(suiteStatuses.keySet());
        statuses.forEach(status -> {
            long source = sourceStatuses.getOrDefault(status, 0L);
            long stored = suiteStatuses.getOrDefault(status, 0L);
            report.ordersPerStatus.put(status, new ImportReport.ControlSum(String.valueOf(source), String.valueOf(stored),
                    source == stored));
        });
    }

    /**
     * Clients that orders or stock refer to but that the original's clients collection (if it has one) does not hold:
     * id → a client record made from the reference (its name from an order's client_name, else "Client &lt;id&gt;").
     */
    private Map<String, Map<String, Object>> clientsOnlyReferenced() {
        Map<String, String> referenced = new LinkedHashMap<>();
        for (String kind : List.of("orders", "stock")) {
            String collection = mapping.collection(kind);
            if (original.has(collection)) {
                original.readInBatches(collection, mapping.renames(kind), batchSize, batch -> batch.forEach(r -> {
                    Object clientId = r.get("client_id");
                    if (clientId != null) {
                        Object name = r.get("client_name");
                        referenced.merge(String.valueOf(clientId), name == null ? "" : String.valueOf(name),
                                (a, b) -> a.isEmpty() ? b : a);
                    }
                }));
            }
        }
        String clients = mapping.collection("clients");
        if (original.has(clients)) {
            original.readInBatches(clients, mapping.renames("clients"), batchSize,
                    batch -> batch.forEach(r -> referenced.remove(String.valueOf(r.get("id")))));
        }
        Map<String, Map<String, Object>> derived = new LinkedHashMap<>();
        referenced.forEach((id, name) -> derived.put(id, body("id", id, "name", name.isEmpty() ? "Client " + id : name,
                "notes", "Made by the import from the original's references to client " + id + ".")));
        return derived;
    }

    private static ImportReport.ControlSum sum(BigDecimal source, BigDecimal suite) {
        BigDecimal stored = suite == null ? BigDecimal.ZERO : suite;
        return new ImportReport.ControlSum(source.stripTrailingZeros().toPlainString(), stored.stripTrailingZeros().toPlainString(),
                source.compareTo(stored) == 0);
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private static String text(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.hasNonNull(field)) {
                return node.get(field).asText();
            }
        }
        return "";
    }
}
