package com.misty.systemtest.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Clients;
import com.misty.systemtest.Response;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of the allocation path and of the order path with the number of replicas this run's suite has
 * ({@code -Dmisty.suite.replicas}, 1 by default): run it once with 1 and once with 2 and compare (issue 24's report;
 * not part of CI: its name keeps it out of surefire's includes). The requests take turns over every gateway.
 *
 * <ul>
 *   <li>Allocation: {@code -Dbench.clients} (16) production users allocate 1 unit each, as fast as they are answered,
 *   on their own stock records (the path's own cost, not one hot record's contention), for
 *   {@code -Dbench.roundSeconds} (10).</li>
 *   <li>Orders: the same users place one-line orders as fast as they are answered for the same time; then the saga
 *   is awaited; throughput is orders decided (CONFIRMED) per second from the first placement to the last decision.</li>
 * </ul>
 * Writes {@code target/scale-out-benchmark-<replicas>.md}. Asserts outcomes (every allocation 201, every order
 * confirmed), never times.
 */
class ScaleOutBenchmark {

    private final int clients = Integer.getInteger("bench.clients", 16);
    private final Duration round = Duration.ofSeconds(Integer.getInteger("bench.roundSeconds", 10));
    private final RunningSuite suite = RunningSuite.get(SuiteBenchmark.BENCHMARK_ENVIRONMENT);

    @Test
    void allocationAndOrderThroughput() throws Exception {
        Session admin = suite.admin();
        Session manager = Accounts.newUser(suite, admin, "manager");
        String client = Clients.create(manager, "scale-out-bench");
        List<Session> users = java.util.stream.IntStream.range(0, clients)
                .mapToObj(i -> Accounts.newUser(suite, admin, "production")).toList();
        String orderProduct = "bench-order-" + client;
        manager.post("/api/stock/receipts", Map.of("product_id", orderProduct, "client_id", client,
                "quantity", 1_000_000_000L, "reference", "benchmark")).expect(200);
        for (int i = 0; i < clients; i++) {
            manager.post("/api/stock/receipts", Map.of("product_id", "bench-alloc-" + i + "-" + client,
                    "client_id", client, "quantity", 1_000_000_000L, "reference", "benchmark")).expect(200);
        }

        // Warm-up: a few seconds of each path, not measured.
        ClosedLoop.run(clients, Duration.ofSeconds(3), i -> allocate(users.get(i), client, i));
        ClosedLoop.Round allocations = ClosedLoop.run(clients, round, i -> allocate(users.get(i), client, i));

        Set<String> placed = ConcurrentHashMap.newKeySet();
        Instant firstPlaced = Instant.now();
        ClosedLoop.Round placements = ClosedLoop.run(clients, round, i -> {
            Response answer = users.get(i).post("/api/orders", Map.of("client_id", client,
                    "lines", List.of(Map.of("product_id", orderProduct, "quantity", 1))));
            if (answer.status() != 201) {
                return false;
            }
            placed.add(answer.field("id").asText());
            return true;
        });
        Instant lastDecided = awaitConfirmed(manager, client, placed.size());
        double ordersPerSecond = placed.size() / (Duration.between(firstPlaced, lastDecided).toMillis() / 1000.0);

        assertThat(allocations.failed()).as("allocations refused or failed").isZero();
        assertThat(placements.failed()).as("orders refused or failed").isZero();
        String report = String.format("""
                        ## Scale-out benchmark: %d replica(s) of every service, %d clients, %d s per path

                        | path | throughput | p50 | p99 |
                        | --- | ---: | ---: | ---: |
                        | allocation of 1 unit (own record per client) | %s/s | %s | %s |
                        | order placement (201) | %s/s | %s | %s |
                        | orders placed → CONFIRMED by the saga (first placement to last decision, %d orders) | %.1f/s | | |
                        """, RunningSuite.REPLICAS, clients, round.toSeconds(),
                Markdown.perSecond(allocations.perSecond()), Markdown.millis(allocations.latencies().p50()),
                Markdown.millis(allocations.latencies().p99()),
                Markdown.perSecond(placements.perSecond()), Markdown.millis(placements.latencies().p50()),
                Markdown.millis(placements.latencies().p99()), placed.size(), ordersPerSecond);
        System.out.println(report);
        Files.writeString(Path.of("target", "scale-out-benchmark-" + RunningSuite.REPLICAS + ".md"), report);
    }

    private static boolean allocate(Session user, String client, int i) {
        return user.post("/api/stock/allocations", Map.of("product_id", "bench-alloc-" + i + "-" + client,
                "client_id", client, "quantity", 1)).status() == 201;
    }

    /** Waits until {@code count} orders of {@code client} are CONFIRMED; returns when that was seen. */
    private static Instant awaitConfirmed(Session manager, String client, int count) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(giveUp)) {
            JsonNode page = manager.get("/api/orders?client_id=" + client + "&status=CONFIRMED&size=1").expect(200).json();
            if (page.get("total").asLong() >= count) {
                return Instant.now();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not every order was confirmed within 5 minutes");
    }
}
