package com.misty.systemtest.firstrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.suite.LocalSuite;
import com.misty.suite.demo.DemoSeeder.DemoUser;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import com.misty.systemtest.SuiteClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./run-suite.sh --demo} on a fresh data directory: every seeded object is readable through the gateway with
 * the expected counts per status, the demo users sign in with the printed passwords, and a second start with
 * {@code --demo} on the same data adds nothing (same counts, same ledgers).
 */
class DemoDataSystemTest {

    private static RunningSuite suite;

    @BeforeAll
    static void startWithDemo() {
        suite = RunningSuite.startSeparately(Path.of("target/demo-suite-data"), Map.of(), List.of("--demo"));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.stop();
        }
    }

    @Test
    void aFreshDemoHasSomethingToLookAtEverywhereAndASecondStartAddsNothing() {
        List<DemoUser> users = suite.processes().demoUsers();
        assertThat(users).extracting(DemoUser::username)
                .containsExactly("mara.manager", "omar.office", "piet.production", "erik.employee", "lena.employee");
        assertThat(users).extracting(DemoUser::role)
                .containsExactly("manager", "production", "production", "employee", "employee");
        for (DemoUser user : users) {
            Session session = suite.client().login(user.username(), user.password());
            assertThat(session.get("/api/auth/me").expect(200).field("role").asText()).isEqualTo(user.role());
        }

        Session admin = suite.admin();
        Snapshot first = Snapshot.of(admin);

        assertThat(first.clients).containsExactlyInAnyOrder("ACME-FOODS", "NORDIC-PHARMA", "GREENLEAF-TEA");
        assertThat(first.productUnits).isEqualTo(Map.of("CORR-BC", "each", "INK-CYAN", "kilogram",
                "KRAFT-125", "metre", "PET-12", "square_metre", "SBS-300", "sheet"));
        assertThat(first.ordersByStatus).isEqualTo(Map.of("COMPLETED", 1L, "IN_PRODUCTION", 1L, "CONFIRMED", 2L,
                "REJECTED", 1L, "CANCELLED", 1L));
        assertThat(first.leaveByStatus).isEqualTo(Map.of("APPROVED", 1L, "PENDING", 2L, "REJECTED", 1L));
        assertThat(first.timesheetsByStatus).isEqualTo(Map.of("APPROVED", 1L, "SUBMITTED", 1L, "DRAFT", 1L));
        assertThat(first.calculations).isEqualTo(1);
        assertThat(first.stockRecords).isEqualTo(6);
        assertThat(first.belowReorder).containsExactly("CORR-BC");

        JsonNode completed = admin.get("/api/orders?status=COMPLETED").expect(200).json().path("items").get(0);
        assertThat(completed.path("stock_consumed_at").isNull()).isFalse();
        JsonNode rejected = admin.get("/api/orders?status=REJECTED").expect(200).json().path("items").get(0);
        assertThat(rejected.path("status_reason").asText()).isNotBlank();
        // 5000 sheets received for Acme; the completed job used 1150 of its 1200 (50 back); 0 are still held.
        JsonNode acmeBoard = admin.get("/api/stock?product_id=SBS-300&client_id=" + completed.path("client_id").asText())
                .expect(200).json().path("items").get(0);
        assertThat(new BigDecimal(acmeBoard.path("physical").asText())).isEqualByComparingTo("3850");

        LocalSuite restarted = restartOnTheSameData();
        try {
            assertThat(restarted.demoUsers()).isEqualTo(users);
            Session adminAgain = new SuiteClient(restarted.gatewayUrl()).login("admin", restarted.adminPassword());
            assertThat(Snapshot.of(adminAgain)).isEqualTo(first);
        } finally {
            restarted.stopAll();
        }
    }

    /** A second launch of the same suite (same options, same data directory), as {@code ./run-suite.sh --demo} again. */
    private static LocalSuite restartOnTheSameData() {
        suite.stop();
        LocalSuite again = new LocalSuite(suite.options());
        try {
            again.start();
        } catch (RuntimeException e) {
            again.stopAll();
            throw e;
        }
        return again;
    }

    /** What the demo consists of, as the gateway shows it; equal snapshots mean nothing was added or changed. */
    record Snapshot(List<String> clients, Map<String, String> productUnits, Map<String, Long> ordersByStatus,
                    Map<String, Long> leaveByStatus, Map<String, Long> timesheetsByStatus, int calculations,
                    int stockRecords, List<String> belowReorder, Map<String, Long> ledgerEntries, int users) {

        static Snapshot of(Session admin) {
            List<String> clients = texts(admin.get("/api/clients?size=100").expect(200).json().path("items"), "code");
            Map<String, String> units = new TreeMap<>(stream(admin.get("/api/stock/products?size=100").expect(200).json()
                    .path("items")).collect(Collectors.toMap(p -> p.path("code").asText(), p -> p.path("unit").asText())));
            JsonNode stock = admin.get("/api/stock?size=200").expect(200).json().path("items");
            Map<String, Long> ledger = new TreeMap<>();
            stock.forEach(record -> ledger.put(record.path("product_id").asText() + "/" + record.path("client_id").asText(),
                    (long) admin.get("/api/stock/" + record.path("id").asText() + "/movements?limit=1000").expect(200)
                            .json().path("items").size()));
            return new Snapshot(clients.stream().sorted().toList(), units,
                    countBy(admin.get("/api/orders?size=100").expect(200).json().path("items"), "status"),
                    countBy(admin.get("/api/payroll/leave-requests?limit=500").expect(200).json(), "status"),
                    countBy(admin.get("/api/payroll/timesheets?limit=500").expect(200).json(), "status"),
                    admin.get("/api/payroll/calculations?limit=500").expect(200).json().size(),
                    stock.size(),
                    texts(admin.get("/api/stock?below_reorder=true&size=200").expect(200).json().path("items"), "product_id"),
                    ledger,
                    admin.get("/api/auth/users?limit=500").expect(200).json().size());
        }

        private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
            return StreamSupport.stream(array.spliterator(), false);
        }

        private static List<String> texts(JsonNode array, String field) {
            return stream(array).map(n -> n.path(field).asText()).toList();
        }

        private static Map<String, Long> countBy(JsonNode array, String field) {
            return stream(array).collect(Collectors.groupingBy(n -> n.path(field).asText(), TreeMap::new,
                    Collectors.counting()));
        }
    }
}
