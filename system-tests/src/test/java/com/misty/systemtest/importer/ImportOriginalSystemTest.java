package com.misty.systemtest.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.suite.importer.ImportOriginal;
import com.misty.suite.importer.ImportReport;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./import-original.sh} against an "original" database written as the original's code would
 * ({@link OriginalDatabaseFixture}, several hundred records) in the suite's MongoDB stand-in, with the mapping file
 * the repository ships: a dry run changes nothing; a run stopped half-way and run again completes without a
 * duplicate; every record is read back through the gateway with its values and the control sums are equal; a
 * second run changes nothing; duplicate order numbers are renumbered and reported; old passwords sign in (bcrypt)
 * or the user is flagged; the operator's mapping file brings in what the defaults refused.
 */
class ImportOriginalSystemTest {

    private static final Path SHIPPED_MAPPING = Path.of("../deploy/import/original-mapping.properties");

    private static RunningSuite suite;
    private static MongoClient mongo;
    private static OriginalDatabaseFixture original;
    private static String database;

    @BeforeAll
    static void writeTheOriginalDatabase() {
        suite = RunningSuite.get();
        mongo = MongoClients.create(suite.mongodbUri());
        database = "misty_original_" + System.nanoTime();
        original = OriginalDatabaseFixture.write(mongo.getDatabase(database));
    }

    @AfterAll
    static void close() {
        if (mongo != null) {
            mongo.getDatabase(database).drop();
            mongo.close();
        }
    }

    @Test
    void theOriginalDatabaseMovesInCompletelyOnceAndASecondRunChangesNothing() throws IOException {
        Session admin = suite.admin();

        // A dry run decides everything and writes nothing.
        ImportReport dry = run(SHIPPED_MAPPING, true, 50, (kind, batch) -> { });
        assertThat(dry.changes()).isZero();
        assertThat(dry.kinds.get("orders").imported + dry.kinds.get("orders").renumbered).isEqualTo(OriginalDatabaseFixture.ORDERS);
        assertThat(dry.kinds.get("orders").renumbered).isEqualTo(OriginalDatabaseFixture.DUPLICATED_NUMBERS.size());
        assertThat(dry.kinds.get("users").imported).isEqualTo(OriginalDatabaseFixture.USERS - 2);
        assertThat(admin.get("/api/orders/" + original.orderIds.get(0)).status()).isEqualTo(404);
        assertThat(admin.get("/api/auth/users/" + original.userIds.get(1)).status()).isEqualTo(404);
        assertThat(admin.get("/api/payroll/employees/" + original.profileIds.get(0)).status()).isEqualTo(404);

        // Stopped half-way (after the first batch of leave requests), then run again: complete, nothing twice.
        AtomicBoolean stopped = new AtomicBoolean();
        assertThatThrownBy(() -> run(SHIPPED_MAPPING, false, 50, (kind, batch) -> {
            if (kind.equals("leave_requests") && batch == 1 && stopped.compareAndSet(false, true)) {
                throw new IllegalStateException("the operator pressed Ctrl-C");
            }
        })).hasMessageContaining("Ctrl-C");
        assertThat(admin.get("/api/payroll/leave-requests/" + original.leaveIds.get(0)).status()).isEqualTo(200);
        assertThat(admin.get("/api/orders/" + original.orderIds.get(0)).status()).isEqualTo(404);

        ImportReport first = run(SHIPPED_MAPPING, false, 50, (kind, batch) -> { });
        assertThat(first.consistent()).as(first.summary()).isTrue();
        assertThat(first.kinds.get("employee_profiles").alreadyPresent).isEqualTo(OriginalDatabaseFixture.EMPLOYEES);
        assertThat(first.kinds.get("leave_requests").alreadyPresent).isEqualTo(50);
        assertThat(first.kinds.get("leave_requests").imported).isEqualTo(OriginalDatabaseFixture.LEAVE - 50);
        assertThat(first.kinds.get("timesheets").imported).isEqualTo(OriginalDatabaseFixture.TIMESHEETS);
        assertThat(first.kinds.get("orders").imported).isEqualTo(OriginalDatabaseFixture.ORDERS - 3);
        assertThat(first.kinds.get("orders").verified).isEqualTo(OriginalDatabaseFixture.ORDERS);
        assertThat(first.kinds.get("clients").imported).as("10 clients and 2 only named by orders")
                .isEqualTo(OriginalDatabaseFixture.CLIENTS + 2);
        assertThat(first.kinds.get("clients").derivedFromReferences).isEqualTo(2);
        assertThat(first.kinds.get("stock").imported).isEqualTo(OriginalDatabaseFixture.STOCK - 1);
        assertThat(first.kinds.get("stock").rejections).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("id", original.oversoldStockId));
        assertThat(first.kinds.get("products").inSource).as("the original had no catalogue").isFalse();
        assertThat(first.kinds.get("users").rejections).extracting(r -> r.get("reason")).containsExactlyInAnyOrder(
                "username 'admin' is taken by another account of this suite",
                "role 'supervisor' has no mapping (add it to the mapping file's user roles)");
        assertThat(first.kinds.get("users").unmappedFields).containsEntry("theme", 1L);
        assertThat(first.kinds.get("stock").unmappedFields).containsEntry("location", 1L);
        assertThat(first.passwordResetRequired).containsExactlyInAnyOrderElementsOf(original.unverifiable);
        assertThat(first.stockPerProduct).hasSize(4).allSatisfy((product, sum) -> assertThat(sum.equal()).isTrue());
        assertThat(first.leaveBalanceHours.equal()).isTrue();
        assertThat(new BigDecimal(first.leaveBalanceHours.source())).isEqualByComparingTo(leaveHours());
        assertThat(first.ordersPerStatus.keySet()).containsExactlyInAnyOrder("CONFIRMED", "IN_PRODUCTION", "COMPLETED", "CANCELLED");
        assertThat(first.ordersPerStatus.get("COMPLETED").source()).isEqualTo("80");

        // Duplicate numbers: the first holder keeps it, the later one is renumbered, and the report lists it.
        assertThat(first.renumberedRecords).hasSize(3).allSatisfy(r -> assertThat(r.get("to")).isEqualTo(r.get("from") + "-DUP2"));
        JsonNode renumbered = admin.get("/api/orders/" + original.orderIds.get(107)).expect(200).json();
        assertThat(renumbered.path("order_number").asText()).isEqualTo("ORD-700008-DUP2");
        assertThat(admin.get("/api/orders/" + original.orderIds.get(7)).expect(200).field("order_number").asText())
                .isEqualTo("ORD-700008");

        // Values as the original meant them, read through the gateway.
        // Order 5: "pending", stored without a version (orders 0, 10, 20, … carry version 3).
        JsonNode pending = admin.get("/api/orders/" + original.orderIds.get(5)).expect(200).json();
        assertThat(pending.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(pending.path("version").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/orders/" + original.orderIds.get(10)).expect(200).field("version").asLong()).isEqualTo(3);
        JsonNode leave = admin.get("/api/payroll/leave-requests/" + original.leaveIds.get(0)).expect(200).json();
        assertThat(leave.path("hours").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(leave.path("employee_user_id").asText()).as("linked through the profile").isEqualTo(original.userIds.get(1));
        JsonNode rejectedSheet = admin.get("/api/payroll/timesheets/" + original.timesheetIds.get(3)).expect(200).json();
        assertThat(rejectedSheet.path("status").asText()).as("rejected: back with the employee").isEqualTo("DRAFT");
        assertThat(rejectedSheet.path("rejection_reason").asText()).isEqualTo("Rejected in the original system");

        // Old passwords keep working (bcrypt, as Python wrote it); the employee finds their own profile.
        Session employee = suite.client().login(original.usernames.get(1), OriginalDatabaseFixture.OLD_PASSWORD);
        JsonNode me = employee.get("/api/payroll/employees/me").expect(200).json();
        assertThat(me.path("id").asText()).isEqualTo(original.profileIds.get(0));
        assertThat(me.path("leave_balances").path("annual").decimalValue()).isEqualByComparingTo("120.5");
        String flagged = original.unverifiable.get(0);
        assertThat(suite.client().send("POST", "/api/auth/login", null,
                "{\"username\":\"" + flagged + "\",\"password\":\"" + OriginalDatabaseFixture.OLD_PASSWORD + "\"}",
                Map.of("Content-Type", "application/json")).status()).isEqualTo(401);

        // Orders placed after the import get numbers above the highest imported one.
        String next = admin.post("/api/orders", Map.of("client_id", original.clientIds.get(0), "lines",
                java.util.List.of(Map.of("product_id", "KRAFT-" + original.tag, "quantity", 1)))).expect(201)
                .field("order_number").asText();
        assertThat(next).isGreaterThan("ORD-700200");

        // A second run changes nothing; a dry run afterwards says the same.
        ImportReport second = run(SHIPPED_MAPPING, false, 50, (kind, batch) -> { });
        assertThat(second.changes()).as(second.summary()).isZero();
        assertThat(second.kinds.get("orders").alreadyPresent).isEqualTo(OriginalDatabaseFixture.ORDERS);
        assertThat(second.consistent()).isTrue();
        assertThat(run(SHIPPED_MAPPING, true, 500, (kind, batch) -> { }).kinds.values())
                .allSatisfy(k -> assertThat(k.imported + k.renumbered).isZero());

        // The operator maps the role the defaults refused, without a rebuild: that user comes in, nothing else moves.
        Path adjusted = Files.createTempFile("mapping", ".properties");
        Files.writeString(adjusted, Files.readString(SHIPPED_MAPPING) + "\nusers.role.supervisor=manager\n");
        ImportReport adjustedRun = run(adjusted, false, 200, (kind, batch) -> { });
        assertThat(adjustedRun.changes()).isEqualTo(1);
        assertThat(admin.get("/api/auth/users/" + original.supervisorId).expect(200).field("role").asText()).isEqualTo("manager");
        Files.delete(adjusted);
    }

    @Test
    void theCommandRefusesWhatItCannotUse() {
        assertThatThrownBy(() -> ImportOriginal.run(new ImportOriginal.Options(suite.mongodbUri(), database,
                suite.client().baseUrl(), "admin", "not-the-password", null, true, Path.of("target/refused.json"), 50),
                (kind, batch) -> { })).hasMessageContaining("cannot sign in");
    }

    private static BigDecimal leaveHours() {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 1; i <= OriginalDatabaseFixture.EMPLOYEES; i++) {
            total = total.add(new BigDecimal("120").add(new BigDecimal("0.5").multiply(BigDecimal.valueOf(i))))
                    .add(new BigDecimal("16")).add(i == 5 ? BigDecimal.ZERO : new BigDecimal("40"));
        }
        return total;
    }

    private static ImportReport run(Path mapping, boolean dryRun, int batchSize,
                                    com.misty.suite.importer.OriginalImport.BatchListener listener) {
        ImportReport report = ImportOriginal.run(new ImportOriginal.Options(suite.mongodbUri(), database,
                suite.client().baseUrl(), "admin", suite.processes().adminPassword(), mapping, dryRun,
                Path.of("target/import-report.json"), batchSize), listener);
        report.write(Path.of("target/import-report.json"));
        return report;
    }
}
