package com.misty.systemtest.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Clients;
import com.misty.systemtest.Response;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Does the web UI's order list stay responsive with 10,000 orders? Seeds {@code -Dbench.listOrders} (10,000) orders
 * through the gateway for five clients (a quarter of them for stock that exists, so the saga confirms those and
 * rejects the rest), waits until the saga has decided every one, then sends the list requests the UI sends (a page
 * of 20, each filter and sort, a deep page) one after another as one user does, and the CSV export of all of them.
 * Writes {@code target/order-list-benchmark.md}. Not a test (its name keeps it out of surefire's default includes):
 * run it with {@code ./benchmark.sh -Dtest=OrderListBenchmark}. It asserts what each request selects, never a time.
 */
class OrderListBenchmark {

    private static final int PAGE_SIZE = 20; // the UI's page
    private static final int CLIENTS = 5;
    private static final String STOCKED = "bench-list-stocked";
    private static final LocalDate FIRST_DUE = LocalDate.of(2027, 1, 1);
    private static final Duration SAGA_DEADLINE = Duration.ofMinutes(15);
    private static final Duration SEED_DEADLINE = Duration.ofMinutes(40);

    private final int orders = Integer.getInteger("bench.listOrders", 10_000);
    private final int seeders = Integer.getInteger("bench.listSeeders", 8);
    private final int samples = Integer.getInteger("bench.listSamples", 40);
    private final Markdown report = new Markdown();

    @Test
    void measureTheOrderList() throws Exception {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = Machine.loadAverage();
        RunningSuite suite = RunningSuite.get(SuiteBenchmark.BENCHMARK_ENVIRONMENT);
        Session admin = suite.admin();
        Session office = Accounts.newUser(suite, admin, "manager");
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String client = Clients.create(admin, "List benchmark " + i);
            clients.add(client);
            office.post("/api/stock/receipts", Map.of("product_id", STOCKED, "client_id", client, "quantity", 1_000_000_000L))
                    .expect(200);
        }

        long seedStart = System.nanoTime();
        seed(office, clients);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long sagaStart = System.nanoTime();
        awaitSagaDecided(office);
        double sagaSeconds = (System.nanoTime() - sagaStart) / 1e9;

        String client = clients.get(2);
        JsonNode middle = answered(office, "/api/orders?sort=created_at&direction=asc&size=1&page=" + orders / 2)
                .json().path("items").get(0);
        String number = middle.path("order_number").asText();
        String hundred = number.substring(0, number.length() - 2); // ORD-0012xx: a hundred orders
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("first page, newest first (the list as it opens)", "");
        queries.put("last page (page " + (orders / PAGE_SIZE) + "), newest first", "&page=" + (orders / PAGE_SIZE - 1));
        queries.put("sorted by due date, earliest first", "&sort=due_date&direction=asc");
        queries.put("sorted by order number, descending", "&sort=order_number&direction=desc");
        queries.put("status Confirmed (a quarter)", "&status=CONFIRMED");
        queries.put("one client (a fifth)", "&client_id=" + client);
        queries.put("order-number prefix " + hundred + " (100)", "&order_number_prefix=" + hundred);
        queries.put("contact or notes text (1)", "&q=" + encode("Contact " + (orders / 3) + " "));
        queries.put("due in one month", "&due_from=" + FIRST_DUE + "&due_to=" + FIRST_DUE.plusDays(30));
        queries.put("created since the middle one (half)", "&created_from=" + encode(middle.path("created_at").asText()));
        queries.put("client + status + due range, by due date", "&client_id=" + client + "&status=CONFIRMED&due_from="
                + FIRST_DUE + "&due_to=" + FIRST_DUE.plusDays(90) + "&sort=due_date&direction=asc");

        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            String path = "/api/orders?size=" + PAGE_SIZE + query.getValue();
            long total = answered(office, path).json().path("total").asLong();
            assertThat(total).as(query.getKey()).isPositive();
            int[] failed = new int[1];
            Latencies latencies = sequential(worker -> office.get(path).status() == 200, failed);
            rows.add(List.of(query.getKey(), String.valueOf(total), String.valueOf(latencies.count()),
                    Markdown.millis(latencies.p50()), Markdown.millis(latencies.p99()), String.valueOf(failed[0])));
        }
        String csvPath = "/api/orders/export.csv";
        Response csv = answered(office, csvPath);
        long csvRows = csv.body().lines().filter(line -> line.startsWith("ORD-")).count();
        assertThat(csvRows).as("every order exported").isGreaterThanOrEqualTo(orders);
        int[] exportFailed = new int[1];
        Latencies export = Latencies.of(timed(3, worker -> office.get(csvPath).status() == 200, exportFailed));
        rows.add(List.of("CSV export of every order (" + csv.body().length() / 1024 + " KiB)", String.valueOf(csvRows),
                String.valueOf(export.count()), Markdown.millis(export.p50()), Markdown.millis(export.p99()),
                String.valueOf(exportFailed[0])));

        // Eight people paging through the list at once, each request one of the above in turn.
        List<String> paths = queries.values().stream().map(q -> "/api/orders?size=" + PAGE_SIZE + q).toList();
        AtomicInteger next = new AtomicInteger();
        ClosedLoop.Round together = ClosedLoop.run(8, Duration.ofSeconds(15),
                worker -> office.get(paths.get(Math.floorMod(next.getAndIncrement(), paths.size()))).status() == 200);

        report.heading(1, "Order list benchmark");
        report.bullets(List.of(
                "date: " + started + " (UTC)",
                "machine: " + Machine.cores() + " cores (" + Machine.cpuModel() + "), " + Machine.memory() + " memory",
                "load average (1/5/15 min) before: " + loadBefore + ", after: " + Machine.loadAverage()
                        + " — the suite, this load generator and any other work share the same cores",
                "the MongoDB stand-in (H2 file backend; it ignores non-unique indexes, so every query scans) instead "
                        + "of MongoDB: real MongoDB with `status_client_created` and the other indexes can only be faster",
                orders + " orders seeded through the gateway by " + seeders + " users at once in "
                        + String.format(java.util.Locale.ROOT, "%.0f s", seedSeconds) + ", every one decided by the saga "
                        + String.format(java.util.Locale.ROOT, "%.0f s", sagaSeconds) + " later"));
        report.paragraph("One user, requests one after another through the gateway (as the UI sends them: page of "
                + PAGE_SIZE + "), 3 warm-up requests, then " + samples + " measured (the export 3); a request the "
                + "gateway gave up on (504 after its 10 s timeout) counts as failed, not in the times:");
        report.table(List.of("request", "matching", "answered", "median", "p99", "failed"), rows);
        report.paragraph("Eight users at once, each sending the requests above in turn for 15 s: "
                + together.ok() + " answered (" + together.failed() + " failed), "
                + Markdown.perSecond(together.perSecond()) + " req/s, median " + Markdown.millis(together.latencies().p50())
                + ", p99 " + Markdown.millis(together.latencies().p99()) + ".");
        Path file = Path.of("target", "order-list-benchmark.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toString());
        System.out.println(report);
    }

    /** A request that must be answered (a 504 of the gateway's timeout on a busy machine is asked again). */
    private static Response answered(Session office, String path) throws InterruptedException {
        Response answer = office.get(path);
        for (int attempt = 1; attempt < 5 && answer.status() == 504; attempt++) {
            Thread.sleep(1000);
            answer = office.get(path);
        }
        return answer.expect(200);
    }

    /**
     * Order i: client i mod 5, due one of 365 days, every fourth for stock that exists (confirmed), the rest rejected.
     * Seeding takes minutes on a loaded machine: the seeders are plain threads without the test kit's deadline.
     */
    private void seed(Session office, List<String> clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(seeders);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int worker = 0; worker < seeders; worker++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                        place(office, clients, i);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(SEED_DEADLINE.toMinutes(), TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void place(Session office, List<String> clients, int i) {
        Map<String, Object> order = Map.of(
                "client_id", clients.get(i % CLIENTS),
                "lines", List.of(Map.of("product_id", i % 4 == 0 ? STOCKED : "bench-list-missing-" + i % 7,
                        "quantity", 1 + i % 9)),
                "contact_name", "Contact " + i + " ",
                "due_date", FIRST_DUE.plusDays(i % 365).toString(),
                "notes", "benchmark order " + i);
        Response placed = office.post("/api/orders", order);
        for (int attempt = 1; attempt < 3 && placed.status() >= 502 && placed.status() <= 504; attempt++) {
            placed = office.post("/api/orders", order);
        }
        placed.expect(201);
    }

    private void awaitSagaDecided(Session office) throws InterruptedException {
        long deadline = System.nanoTime() + SAGA_DEADLINE.toNanos();
        while (answered(office, "/api/orders?status=PENDING_STOCK&size=1").json().path("total").asLong() > 0) {
            assertThat(System.nanoTime()).as("the saga decides every order within " + SAGA_DEADLINE).isLessThan(deadline);
            Thread.sleep(2000);
        }
    }

    private Latencies sequential(ClosedLoop.Call call, int[] failed) throws Exception {
        timed(3, call, new int[1]);
        return Latencies.of(timed(samples, call, failed));
    }

    /** The durations of the answered requests among {@code count}; {@code failed[0]} counts the others. */
    private static long[] timed(int count, ClosedLoop.Call call, int[] failed) throws Exception {
        LongList nanos = new LongList();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            if (call.send(0)) {
                nanos.add(System.nanoTime() - start);
            } else {
                failed[0]++;
            }
        }
        return nanos.toArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
