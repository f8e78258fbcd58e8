package com.misty.systemtest.benchmark;

import com.misty.suite.LocalSuite;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Clients;
import com.misty.systemtest.Response;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import com.misty.systemtest.SuiteClient;
import com.misty.testkit.Concurrently;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one benchmark of the whole suite (run it with {@code ./benchmark.sh}; its name keeps it out of surefire's
 * default includes, so CI does not run it). Against the suite started as real processes it measures, in one run:
 * gateway vs direct, allocation on a hot record and receipts against GET of it (#17's targets) and a raw
 * {@code findOneAndUpdate}, order placed →
 * confirmed through Kafka, login and refresh, and resident memory; it writes one Markdown report to
 * {@code target/benchmark-report.md}. It asserts outcomes (nothing oversold), never timings.
 *
 * <p>Load: {@code -Dbench.clients} (16), {@code -Dbench.rounds} (3), {@code -Dbench.roundSeconds} (4),
 * {@code -Dbench.hotSeconds} (10, the raw update), {@code -Dbench.orders} (120), {@code -Dbench.logins} (50).
 */
class SuiteBenchmark {

    /** Settings of the services that differ from the system tests' own: the benchmark's load is many requests per user. */
    static final Map<String, String> BENCHMARK_ENVIRONMENT = Map.of(
            // The load generator is a few users sending as fast as they are answered; 50 req/s each would cap it.
            "MISTY_GATEWAY_THROTTLE_USER_BURST", "1000000",
            "MISTY_GATEWAY_THROTTLE_USER_PER_SECOND", "1000000",
            // Back to production: no token refreshes in the middle of a measurement.
            "MISTY_AUTH_ACCESS_TOKEN_LIFETIME", "8h",
            "MISTY_GATEWAY_JWT_CLOCK_SKEW", "30s",
            "MP_JWT_VERIFY_CLOCK_SKEW", "30");

    /** Production values of every setting the system tests or the benchmark change, to say what differs. */
    private static final Map<String, String> PRODUCTION = Map.of(
            "MISTY_GATEWAY_THROTTLE_USER_BURST", "200",
            "MISTY_GATEWAY_THROTTLE_USER_PER_SECOND", "50",
            "MISTY_GATEWAY_THROTTLE_CREDENTIAL_BURST", "10",
            "MISTY_GATEWAY_THROTTLE_CREDENTIAL_PER_MINUTE", "10",
            "MISTY_AUTH_THROTTLE_ADDRESS_FREE_FAILURES", "20",
            "MISTY_AUTH_ACCESS_TOKEN_LIFETIME", "8h",
            "MISTY_GATEWAY_JWT_CLOCK_SKEW", "30s",
            "MP_JWT_VERIFY_CLOCK_SKEW", "30");

    private static final String INVENTORY = "inventory-service";
    private static final String GATEWAY = "gateway";
    /** The client the stock is received for and the orders are placed for (created at the start). */
    private static volatile String benchClient;
    private static final long PLENTY = 1_000_000_000L;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final int USERS = 4;
    private static final String SHARED_CORES = "shared";
    private static final String OWN_CORE = "own core";
    private static final String LOAD_GENERATOR = "load generator (this JVM)";

    private final int clients = Integer.getInteger("bench.clients", 16);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final Duration round = Duration.ofSeconds(Integer.getInteger("bench.roundSeconds", 4));
    private final Duration hotPhase = Duration.ofSeconds(Integer.getInteger("bench.hotSeconds", 10));
    private final int orders = Integer.getInteger("bench.orders", 120);
    private final int logins = Integer.getInteger("bench.logins", 40);

    /** One client for both targets, so gateway and direct differ only in the hop. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "benchmark-http");
                thread.setDaemon(true);
                return thread;
            }))
            .build();

    private final Markdown report = new Markdown();

    @Test
    void measureTheSuite() throws Exception {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = Machine.loadAverage();
        RunningSuite suite = RunningSuite.get(BENCHMARK_ENVIRONMENT);
        LocalSuite processes = suite.processes();

        MemorySampler idle = new MemorySampler(processes::processIds);
        for (int i = 0; i < 5; i++) {
            idle.sample();
            Thread.sleep(400);
        }

        Session admin = suite.admin();
        benchClient = Clients.create(admin, "Benchmark");
        // A few users shared by the clients (the per-user limit is lifted); created one by one, as bcrypt is slow.
        List<Session> managers = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            managers.add(Accounts.newUser(suite, admin, "manager"));
        }
        List<Session> users = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            users.add(managers.get(client % USERS));
        }
        MemorySampler underLoad = new MemorySampler(processes::processIds);
        underLoad.startEvery(200);

        List<List<String>> hopRows = new ArrayList<>();
        String readRecord = receive(users.get(0), "bench-read", PLENTY).path("id").asText();
        for (int client = 0; client < clients; client++) {
            receive(users.get(client), "bench-write-" + client, 1);
        }
        TargetCall readOne = (base, client) ->
                status(base, "GET", "/api/stock/" + readRecord, users.get(client), null) == 200;
        TargetCall receiveOne = (base, client) -> status(base, "POST", "/api/stock/receipts", users.get(client),
                SuiteClient.json(Map.of("product_id", "bench-write-" + client, "client_id", benchClient, "quantity", 1))) == 200;
        hopRows.add(gatewayVersusDirect(processes, "GET /api/stock/{id}", SHARED_CORES, clients, readOne));
        hopRows.add(gatewayVersusDirect(processes, "GET /api/stock/{id}", SHARED_CORES, 1, readOne));
        hopRows.add(gatewayVersusDirect(processes, "POST /api/stock/receipts (1 unit, own record)", SHARED_CORES,
                clients, receiveOne));
        // As deployed, the gateway is a container of its own: with a core of its own it adds a hop, not CPU
        // taken from the load generator and the service.
        Optional<CpuPinning> ownCore = CpuPinning.ownCoreFor(GATEWAY, processes.processIds());
        if (ownCore.isPresent()) {
            try (CpuPinning pinned = ownCore.get()) {
                hopRows.add(gatewayVersusDirect(processes, "GET /api/stock/{id}", OWN_CORE, clients, readOne));
                hopRows.add(gatewayVersusDirect(processes, "GET /api/stock/{id}", OWN_CORE, 1, readOne));
                hopRows.add(gatewayVersusDirect(processes, "POST /api/stock/receipts (1 unit, own record)", OWN_CORE,
                        clients, receiveOne));
            }
        }

        HotRecord hot = hotRecord(suite, users, receiveOne);
        // Saturated first (the cores are the limit: the latency is placers × the CPU per order ÷ the cores), then
        // one order at a time: the path's own latency, nothing else in flight, as an office places its orders.
        OrderLatency orderLatency = placedToConfirmed(suite, managers);
        OrderLatency oneAtATime = placedToConfirmed(suite, managers.subList(0, 1));
        String[] lastRefreshToken = new String[1];
        Latencies login = logins(suite, managers.get(0), lastRefreshToken);
        Latencies refresh = refreshes(suite, lastRefreshToken[0]);

        underLoad.stop();
        writeReport(suite, started, loadBefore, hopRows, hot, List.of(orderLatency, oneAtATime), login, refresh, idle,
                underLoad);

        // A request that failed (e.g. a 504 under overload) may still have been applied; an answered one must be.
        assertThat(hot.levelAfter()).as("allocations through the API are all applied, each once")
                .isBetween(hot.levelBefore() - hot.api().ok() - hot.api().failed(), hot.levelBefore() - hot.api().ok());
        assertThat(orderLatency.confirmed()).as("orders confirmed through Kafka").isPositive();
        assertThat(oneAtATime.confirmed()).as("orders placed one at a time confirmed through Kafka").isPositive();
    }

    // --- gateway vs direct ---

    @FunctionalInterface
    private interface TargetCall {
        boolean send(String baseUrl, int client) throws Exception;
    }

    /**
     * The same request straight to inventory-service and through the gateway, same concurrency: a warm-up of each,
     * then alternating rounds (gateway first in even rounds, direct first in odd ones, so a drift in the machine's
     * load does not favour one side).
     */
    private List<String> gatewayVersusDirect(LocalSuite processes, String request, String gatewayCores,
                                             int concurrency, TargetCall call) {
        String gateway = processes.gatewayUrl();
        String direct = processes.serviceUrl(INVENTORY);
        ClosedLoop.run(concurrency, WARM_UP, client -> call.send(direct, client));
        ClosedLoop.run(concurrency, WARM_UP, client -> call.send(gateway, client));
        List<ClosedLoop.Round> viaGateway = new ArrayList<>();
        List<ClosedLoop.Round> straight = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            for (String target : i % 2 == 0 ? List.of(gateway, direct) : List.of(direct, gateway)) {
                ClosedLoop.Round result = ClosedLoop.run(concurrency, round, client -> call.send(target, client));
                (target.equals(gateway) ? viaGateway : straight).add(result);
            }
        }
        ClosedLoop.Round g = ClosedLoop.combine(viaGateway);
        ClosedLoop.Round d = ClosedLoop.combine(straight);
        return List.of(request, gatewayCores, String.valueOf(concurrency),
                Markdown.perSecond(d.perSecond()), Markdown.perSecond(g.perSecond()),
                Markdown.ratio(g.perSecond() / d.perSecond()),
                Markdown.millis(d.latencies().p50()) + " / " + Markdown.millis(d.latencies().p99()),
                Markdown.millis(g.latencies().p50()) + " / " + Markdown.millis(g.latencies().p99()),
                Markdown.signedMillis(g.latencies().p50() - d.latencies().p50()),
                Markdown.signedMillis(g.latencies().p99() - d.latencies().p99()),
                (d.failed() + g.failed()) + " of " + (d.ok() + d.failed() + g.ok() + g.failed()));
    }

    private int status(String baseUrl, String method, String path, Session user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + user.accessToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Setup only: a receipt, tried again after an overload answer (a second receipt just adds more stock). */
    private static com.fasterxml.jackson.databind.JsonNode receive(Session user, String product, long quantity) {
        Map<String, Object> receipt = Map.of("product_id", product, "client_id", benchClient, "quantity", quantity);
        Response answer = user.post("/api/stock/receipts", receipt);
        for (int attempt = 1; attempt < 3 && answer.status() >= 502 && answer.status() <= 504; attempt++) {
            answer = user.post("/api/stock/receipts", receipt);
        }
        return answer.expect(200).json();
    }

    // --- hot record ---

    /**
     * @param read      GET of the hot record, the yardstick of #17's targets
     * @param api       allocations of one unit on the hot record
     * @param receipts  receipts of one unit, each client on its own record
     * @param raw       the bare conditional update the allocation rests on, straight on the stand-in
     * @param cpuMillis per kind (GET, allocation, receipt): the CPU each process used over that kind's rounds
     */
    record HotRecord(ClosedLoop.Round read, ClosedLoop.Round api, ClosedLoop.Round receipts, ClosedLoop.Round raw,
                     long levelBefore, long levelAfter, List<Map<String, Long>> cpuMillis) {
    }

    /** The suite's processes and this JVM (the load generator shares the cores): whose CPU a request costs. */
    private static Map<String, Long> withLoadGenerator(Map<String, Long> suiteProcesses) {
        Map<String, Long> all = new LinkedHashMap<>(suiteProcesses);
        all.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        return all;
    }

    /**
     * #17's throughput targets through the gateway, same clients, same run: GET of ONE stock record, allocations of
     * one unit on that record, receipts on each client's own record. A warm-up of each, then alternating rounds (the
     * order rotates every round, so a drift in the machine's load does not favour one kind); then the bare update
     * the allocation rests on.
     */
    private HotRecord hotRecord(RunningSuite suite, List<Session> users, TargetCall receiveOne) throws Exception {
        String gateway = suite.processes().gatewayUrl();
        String id = receive(users.get(0), "bench-hot", PLENTY).path("id").asText();
        String body = SuiteClient.json(Map.of("product_id", "bench-hot", "client_id", benchClient, "quantity", 1));
        List<ClosedLoop.Call> kinds = List.of(
                client -> status(gateway, "GET", "/api/stock/" + id, users.get(client), null) == 200,
                client -> status(gateway, "POST", "/api/stock/allocations", users.get(client), body) == 201,
                client -> receiveOne.send(gateway, client));
        List<List<ClosedLoop.Round>> measured = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Map<String, Long>> cpu = List.of(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        for (ClosedLoop.Call kind : kinds) {
            assertThat(ClosedLoop.run(clients, WARM_UP, kind).ok()).as("requests in the warm-up").isPositive();
        }
        long before = users.get(0).get("/api/stock/" + id).expect(200).field("quantity_on_hand").asLong();
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < kinds.size(); k++) {
                int kind = (i + k) % kinds.size();
                Map<String, Long> cpuBefore = ProcessCpu.millisByProcess(withLoadGenerator(suite.processes().processIds()));
                measured.get(kind).add(ClosedLoop.run(clients, round, kinds.get(kind)));
                ProcessCpu.used(cpuBefore, ProcessCpu.millisByProcess(withLoadGenerator(suite.processes().processIds())))
                        .forEach((name, millis) -> cpu.get(kind).merge(name, millis, Long::sum));
            }
        }
        long after = users.get(0).get("/api/stock/" + id).expect(200).field("quantity_on_hand").asLong();

        try (RawHotRecord raw = new RawHotRecord(suite.mongodbUri(), PLENTY)) {
            ClosedLoop.run(clients, WARM_UP, client -> raw.allocateOne());
            return new HotRecord(ClosedLoop.combine(measured.get(0)), ClosedLoop.combine(measured.get(1)),
                    ClosedLoop.combine(measured.get(2)), ClosedLoop.run(clients, hotPhase, client -> raw.allocateOne()),
                    before, after, cpu);
        }
    }

    // --- order placed → confirmed ---

    /**
     * @param hops      where the time goes, hop by hop ({@link SagaHops})
     * @param cpuMillis CPU each process used during the whole phase (warm-up orders included)
     * @param placed    every order placed in the phase (warm-up included), to divide {@code cpuMillis} by
     */
    record OrderLatency(Latencies placedToConfirmed, Latencies placeRequest, int confirmed, int rejected,
                        int timedOut, int failedPlacements, int placers, List<List<String>> hops,
                        Map<String, Long> cpuMillis, int placed) {
    }

    /**
     * Orders placed by a few users at once, each waiting for its order's CONFIRMED on the live stream before
     * placing the next; each placer orders its own product, so the saga's allocations do not queue on one record.
     */
    private OrderLatency placedToConfirmed(RunningSuite suite, List<Session> users) throws Exception {
        int placers = users.size();
        Session watcher = users.get(0);
        for (int placer = 0; placer < placers; placer++) {
            receive(users.get(placer), "bench-order-" + placer, PLENTY);
        }
        Map<String, Long> cpuBefore = ProcessCpu.millisByProcess(suite.processes().processIds());
        try (OrderStatusStream stream = new OrderStatusStream(suite.client().http(), suite.client().baseUrl(),
                watcher.accessToken())) {
            int warmUpPerPlacer = 3;
            int perPlacer = Math.max(1, orders / placers);
            List<OrderRun> runs = Concurrently.run(placers, placer -> () -> {
                OrderRun run = new OrderRun();
                for (int i = 0; i < warmUpPerPlacer + perPlacer; i++) {
                    run.place(stream, users.get(placer), "bench-order-" + placer, i >= warmUpPerPlacer);
                }
                return run;
            });
            Map<String, Long> cpu = ProcessCpu.used(cpuBefore, ProcessCpu.millisByProcess(suite.processes().processIds()));
            List<SagaHops.PlacedOrder> counted = runs.stream().flatMap(r -> r.confirmedOrders.stream()).toList();
            return new OrderLatency(Latencies.of(runs.stream().map(r -> r.confirmedNanos.toArray()).toList()),
                    Latencies.of(runs.stream().map(r -> r.placeNanos.toArray()).toList()),
                    runs.stream().mapToInt(r -> r.confirmed).sum(), runs.stream().mapToInt(r -> r.rejected).sum(),
                    runs.stream().mapToInt(r -> r.timedOut).sum(), runs.stream().mapToInt(r -> r.failedPlacements).sum(),
                    placers, SagaHops.rows(suite.options().kafkaBootstrap(), counted), cpu,
                    runs.stream().mapToInt(r -> r.placed).sum());
        }
    }

    /** One placer's orders: latencies of the counted ones and how they ended. */
    private static final class OrderRun {
        final LongList confirmedNanos = new LongList();
        final LongList placeNanos = new LongList();
        final List<SagaHops.PlacedOrder> confirmedOrders = new ArrayList<>();
        int placed;
        int confirmed;
        int rejected;
        int timedOut;
        int failedPlacements;

        void place(OrderStatusStream stream, Session user, String product, boolean counted) throws Exception {
            long startMillis = System.currentTimeMillis();
            long start = System.nanoTime();
            Response answer = user.post("/api/orders", Map.of("client_id", benchClient,
                    "lines", List.of(Map.of("product_id", product, "quantity", 1))));
            long answered = System.nanoTime();
            if (answer.status() != 201) {
                failedPlacements += counted ? 1 : 0;
                return;
            }
            placed++;
            String orderId = answer.field("id").asText();
            CompletableFuture<OrderStatusStream.Arrival> arrival = stream.finalStatusOf(orderId);
            try {
                OrderStatusStream.Arrival result = arrival.get(60, TimeUnit.SECONDS);
                if (!counted) {
                    return;
                }
                placeNanos.add(answered - start);
                if ("CONFIRMED".equals(result.status())) {
                    confirmed++;
                    confirmedNanos.add(result.nanos() - start);
                    confirmedOrders.add(new SagaHops.PlacedOrder(orderId, startMillis,
                            startMillis + (answered - start) / 1_000_000, startMillis + (result.nanos() - start) / 1_000_000));
                } else {
                    rejected++;
                }
            } catch (TimeoutException e) {
                timedOut += counted ? 1 : 0;
            }
        }
    }

    // --- login and refresh ---

    private Latencies logins(RunningSuite suite, Session user, String[] lastRefreshToken) {
        String body = SuiteClient.json(Map.of("username", user.username(), "password", user.password()));
        LongList nanos = new LongList();
        for (int i = 0; i < logins + 5; i++) {
            long start = System.nanoTime();
            Response answer = suite.client().send("POST", "/api/auth/login", null, body, Map.of()).expect(200);
            if (i >= 5) {
                nanos.add(System.nanoTime() - start);
            }
            lastRefreshToken[0] = answer.field("refresh_token").asText();
        }
        return Latencies.of(nanos.toArray());
    }

    /** One login's refresh token rotated again and again, as a long-lived web session does. */
    private Latencies refreshes(RunningSuite suite, String firstToken) {
        String token = firstToken;
        LongList nanos = new LongList();
        for (int i = 0; i < logins + 5; i++) {
            long start = System.nanoTime();
            Response answer = suite.client().send("POST", "/api/auth/refresh", null,
                    SuiteClient.json(Map.of("refresh_token", token)), Map.of()).expect(200);
            if (i >= 5) {
                nanos.add(System.nanoTime() - start);
            }
            token = answer.field("refresh_token").asText();
        }
        return Latencies.of(nanos.toArray());
    }

    // --- the report ---

    private void writeReport(RunningSuite suite, String started, String loadBefore, List<List<String>> hopRows,
                             HotRecord hot, List<OrderLatency> orderPhases, Latencies login, Latencies refresh,
                             MemorySampler idle, MemorySampler underLoad) throws Exception {
        report.heading(1, "Suite benchmark");
        report.bullets(List.of(
                "date: " + started + " (UTC)",
                "machine: " + Machine.cores() + " cores (" + Machine.cpuModel() + "), " + Machine.memory()
                        + " memory, " + Machine.os(),
                "Java: " + Machine.java(),
                "load average (1/5/15 min) before: " + loadBefore + ", after: " + Machine.loadAverage()
                        + " — the load generator (this JVM) and any other work share the same cores"));
        report.paragraph("The suite ran as `./run-suite.sh` starts it (real Kafka broker, MongoDB stand-in with its H2 "
                + "file backend, five services with `" + suite.serviceJvmOptions() + "`, MongoDB pool 2–20 per "
                + "service). Settings that differ from production:");
        List<String> differences = new ArrayList<>();
        new java.util.TreeMap<>(suite.serviceEnvironment()).forEach((key, value) -> {
            String production = PRODUCTION.getOrDefault(key, "unset");
            if (!production.equals(value)) {
                differences.add("`" + key + "=" + value + "` (production " + production + ")");
            }
        });
        differences.add("the MongoDB stand-in instead of a MongoDB replica set, one Kafka broker: "
                + "figures that touch the database say nothing about real MongoDB");
        report.bullets(differences);

        report.heading(2, "Gateway vs direct (inventory-service)");
        report.paragraph("The same authenticated request straight to inventory-service and through the gateway, "
                + "closed loop (each client sends its next request when the previous is answered), the clients "
                + "share " + USERS + " manager users; " + WARM_UP.toSeconds() + " s warm-up each, then " + rounds + " alternating rounds of "
                + round.toSeconds() + " s per side. Ratio = gateway throughput / direct throughput.");
        report.table(List.of("request", "gateway's cores", "clients", "direct req/s", "gateway req/s", "ratio", "direct p50 / p99",
                "gateway p50 / p99", "added p50", "added p99", "failed"), hopRows);

        report.heading(2, "Hot record: allocation and receipts against GET (#17's targets), and the bare update");
        report.paragraph(clients + " clients through the gateway, a " + WARM_UP.toSeconds() + " s warm-up of each "
                + "kind, then " + rounds + " rounds of " + round.toSeconds() + " s per kind, the kinds alternating "
                + "(their order rotates each round). GET: `GET /api/stock/{id}` of ONE stock record. Allocation: "
                + "`POST /api/stock/allocations` of 1 unit on that same record (the record's conditional update, then "
                + "the ledger entry with its event, the allocation document and the confirmation on the record; the "
                + "outbox relay publishes from the ledger entry). Receipt: `POST /api/stock/receipts` of 1 unit, each client on a "
                + "record of its own. Raw, for " + hotPhase.toSeconds() + " s after a warm-up: `findOneAndUpdate({_id, "
                + "quantity_on_hand: {$gte: 1}}, {$inc: {quantity_on_hand: -1}})` on a one-field document in a scratch "
                + "collection of the same stand-in, from this JVM (mongodb-driver-sync).");
        report.table(List.of("variant", "requests", "per second", "p50", "p99", "failed"), List.of(
                hotRow("GET of the hot record", hot.read()),
                hotRow("allocation of 1 unit on the hot record", hot.api()),
                hotRow("receipt of 1 unit, own record", hot.receipts()),
                hotRow("raw findOneAndUpdate on the stand-in", hot.raw())));
        report.paragraph("**Allocation / GET = " + Markdown.ratio(hot.api().perSecond() / hot.read().perSecond())
                + "** (target ≥ 0.50), **receipts / GET = " + Markdown.ratio(hot.receipts().perSecond() / hot.read().perSecond())
                + "** (target ≥ 0.50), raw / allocation = " + Markdown.ratio(hot.raw().perSecond() / hot.api().perSecond())
                + ". Level of the hot record: " + hot.levelBefore() + " before the measured rounds, " + hot.levelAfter()
                + " after; " + hot.api().ok() + " allocations answered 201, " + hot.api().failed()
                + " failed (a failed one may have been applied).");
        List<ClosedLoop.Round> kinds = List.of(hot.read(), hot.api(), hot.receipts());
        List<List<String>> cpuRows = new ArrayList<>();
        hot.cpuMillis().get(0).keySet().forEach(name -> {
            List<String> row = new ArrayList<>(List.of(name));
            for (int kind = 0; kind < kinds.size(); kind++) {
                row.add(perEach(hot.cpuMillis().get(kind).getOrDefault(name, 0L), kinds.get(kind).ok()));
            }
            cpuRows.add(row);
        });
        List<String> total = new ArrayList<>(List.of("**whole suite**"));
        for (int kind = 0; kind < kinds.size(); kind++) {
            long suiteMillis = hot.cpuMillis().get(kind).entrySet().stream().filter(e -> !e.getKey().equals(LOAD_GENERATOR))
                    .mapToLong(Map.Entry::getValue).sum();
            total.add("**" + perEach(suiteMillis, kinds.get(kind).ok()) + "**");
        }
        cpuRows.add(total);
        report.paragraph("CPU per request (user + system over each kind's rounds ÷ its requests answered): the cores "
                + "are shared, so a kind's rate follows the CPU it costs, load generator included.");
        report.table(List.of("process", "GET", "allocation", "receipt"), cpuRows);

        report.heading(2, "Order placed → confirmed through Kafka");
        report.paragraph("Path: order-service outbox → `orders.events` → inventory saga → outbox → `inventory.events` "
                + "→ order-service → outbox → `orders.events` → gateway → SSE. Timed from sending the POST to the "
                + "arrival of the order's `OrderStatusChanged` to CONFIRMED on the gateway's live stream "
                + "(`/api/events/stream`). Each placer orders its own product and places its next order when the "
                + "previous one's final status has arrived; 3 warm-up orders per placer are not counted.");
        report.paragraph("Where the time goes, per confirmed order: each event's `occurred_at` (written to the outbox) "
                + "and its Kafka record's timestamp (handed to the producer by the relay), read back from the topics "
                + "after the phase, with the placer's own clock (same machine). The hops' medians need not add up to "
                + "the total's. CPU per order: the CPU time (user + system, `/proc/<pid>/stat`) each process used "
                + "during the whole phase, divided by the orders placed in it (warm-up included; background work such "
                + "as polling is included too).");
        orderPhases.forEach(this::orderPhase);

        report.heading(2, "Login and refresh (through the gateway, one at a time, after 5 not counted)");
        report.table(List.of("request", "count", "p50", "p99"), List.of(
                List.of("POST /api/auth/login (bcrypt)", String.valueOf(login.count()), Markdown.millis(login.p50()),
                        Markdown.millis(login.p99())),
                List.of("POST /api/auth/refresh (rotating)", String.valueOf(refresh.count()),
                        Markdown.millis(refresh.p50()), Markdown.millis(refresh.p99()))));

        report.heading(2, "Resident memory (VmRSS)");
        report.paragraph("Idle: the largest of 5 samples right after the suite was ready. Under load: the largest "
                + "sample (every 200 ms, " + underLoad.samples() + " samples) during all phases above. The total is "
                + "the largest sum at one instant. The test JVM (launcher and load generator) is not counted.");
        List<List<String>> memoryRows = new ArrayList<>();
        Map<String, Long> idleKib = idle.maxKibByProcess();
        Map<String, Long> loadKib = underLoad.maxKibByProcess();
        new LinkedHashMap<>(loadKib).forEach((name, kib) -> memoryRows.add(List.of(name,
                Markdown.mib(idleKib.getOrDefault(name, 0L)), Markdown.mib(kib))));
        memoryRows.add(List.of("**whole suite**", "**" + Markdown.mib(idle.maxTotalKib()) + "**",
                "**" + Markdown.mib(underLoad.maxTotalKib()) + "**"));
        report.table(List.of("process", "idle", "under load (max)"), memoryRows);

        report.paragraph("Reproduce: `./benchmark.sh` (report also in `system-tests/target/benchmark-report.md`).");

        Path file = Path.of("target", "benchmark-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toString());
        System.out.println(report);
    }

    /** One phase of orders placed → confirmed: the latencies, where the time goes, and the CPU per order. */
    private void orderPhase(OrderLatency order) {
        report.heading(3, order.placers() == 1 ? "One order at a time (one manager placing)"
                : order.placers() + " managers placing at once");
        report.table(List.of("measure", "orders", "p50", "p99", "max"), List.of(
                List.of("placed → CONFIRMED on the stream", String.valueOf(order.placedToConfirmed().count()),
                        Markdown.millis(order.placedToConfirmed().p50()),
                        Markdown.millis(order.placedToConfirmed().p99()),
                        Markdown.millis(order.placedToConfirmed().percentileMillis(100))),
                List.of("POST /api/orders answered (201)", String.valueOf(order.placeRequest().count()),
                        Markdown.millis(order.placeRequest().p50()), Markdown.millis(order.placeRequest().p99()),
                        Markdown.millis(order.placeRequest().percentileMillis(100)))));
        report.paragraph("Confirmed " + order.confirmed() + ", rejected " + order.rejected() + ", no final status "
                + "within 60 s " + order.timedOut() + ", placement not answered 201 " + order.failedPlacements() + ".");
        report.table(List.of("hop", "orders", "p50", "p99"), order.hops());
        List<List<String>> cpuRows = new ArrayList<>();
        long cpuTotal = order.cpuMillis().values().stream().mapToLong(Long::longValue).sum();
        order.cpuMillis().forEach((name, millis) -> cpuRows.add(List.of(name, perEach(millis, order.placed()))));
        cpuRows.add(List.of("**whole suite**", "**" + perEach(cpuTotal, order.placed()) + "**"));
        report.paragraph("CPU per order over the " + order.placed() + " orders placed in this phase."
                + (order.placers() == 1 ? "" : " With " + order.placers() + " placers on "
                + Runtime.getRuntime().availableProcessors() + " cores, an order cannot be confirmed faster on "
                + "average than " + order.placers() + " × its CPU ÷ the cores once the cores are saturated."));
        report.table(List.of("process", "CPU per order"), cpuRows);
    }

    /** CPU milliseconds shared out over {@code count} requests or orders. */
    private static String perEach(long cpuMillis, int count) {
        return Markdown.millis(cpuMillis / (double) Math.max(1, count));
    }

    private static List<String> hotRow(String variant, ClosedLoop.Round round) {
        return List.of(variant, String.valueOf(round.ok()), Markdown.perSecond(round.perSecond()),
                Markdown.millis(round.latencies().p50()), Markdown.millis(round.latencies().p99()),
                String.valueOf(round.failed()));
    }
}
