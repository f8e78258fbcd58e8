package com.misty.inventory.benchmark;

import com.misty.inventory.rest.StockApi;
import com.misty.testkit.MistyTestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Allocations per second on ONE hot stock record with 64 concurrent clients: through the HTTP API (token
 * check, validation, the record's conditional update, the ledger entry, the allocation document, the
 * confirmation, the outbox relay alongside) versus {@code GET} of the same record and bare
 * {@code findOneAndUpdate} calls on the same MongoDB stand-in in the same run. Not part of the test suite (no *Test name); run it explicitly:
 *
 * <pre>./mvnw -B -q -pl inventory-service -am verify -Dtest=AllocationThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * {@code -Dbench.clients=64 -Dbench.perClient=60 -Dbench.warmup=10} change the load. It prints, never asserts timings.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class AllocationThroughputBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 64);
    private static final int PER_CLIENT = Integer.getInteger("bench.perClient", 60);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);

    @TestHTTPResource("/api/stock/allocations")
    URI allocations;

    @Test
    void allocationsPerSecondThroughHttpVersusRawFindOneAndUpdate() throws Exception {
        String product = StockApi.unique("hot"), client = StockApi.unique("bench");
        StockApi.receive(product, client, 1_000_000_000L);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"product_id\":\"" + product + "\",\"client_id\":\"" + client + "\",\"quantity\":1}";
        Op viaHttp = () -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(allocations)
                    .header("Authorization", "Bearer " + StockApi.PRODUCTION)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
        };

        String steadyProduct = StockApi.unique("steady");
        StockApi.receive(steadyProduct, client, 1_000_000_000L);
        String steadyBody = "{\"product_id\":\"" + steadyProduct + "\",\"client_id\":\"" + client + "\",\"quantity\":1}";
        // Steady state: each client releases what it allocated, so at most one open allocation per client.
        Op viaHttpWithRelease = () -> {
            HttpResponse<String> allocated = http.send(HttpRequest.newBuilder(allocations)
                    .header("Authorization", "Bearer " + StockApi.PRODUCTION)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(steadyBody)).build(), HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(allocated.body());
            if (allocated.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("HTTP " + allocated.statusCode() + ": " + allocated.body());
            }
            HttpResponse<String> released = http.send(HttpRequest.newBuilder(URI.create(allocations + "/" + id.group(1) + "/release"))
                    .header("Authorization", "Bearer " + StockApi.PRODUCTION)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (released.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + released.statusCode() + ": " + released.body());
            }
        };

        try (MongoClient mongo = MongoClients.create(MistyTestInfrastructure.mongoConnectionString())) {
            MongoCollection<Document> raw = mongo.getDatabase("benchmark").getCollection("raw_hot_record");
            raw.drop();
            String rawId = UUID.randomUUID().toString();
            raw.insertOne(new Document("_id", rawId).append("quantity_on_hand", 1_000_000_000L));
            Op viaRawUpdate = () -> {
                if (raw.findOneAndUpdate(Filters.and(Filters.eq("_id", rawId), Filters.gte("quantity_on_hand", 1L)),
                        Updates.inc("quantity_on_hand", -1L),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)) == null) {
                    throw new IllegalStateException("raw allocation refused");
                }
            };

            String hotId = StockApi.receive(product, client, 1L);
            URI hotRecord = URI.create(allocations.toString().replace("/allocations", "/" + hotId));
            Op viaHttpGet = () -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(hotRecord)
                        .header("Authorization", "Bearer " + StockApi.PRODUCTION).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                }
            };

            run(viaHttp, WARMUP);
            run(viaRawUpdate, WARMUP);
            run(viaHttpGet, WARMUP);
            Result getResult = run(viaHttpGet, PER_CLIENT);
            Result rawResult = run(viaRawUpdate, PER_CLIENT);
            Result httpResult = run(viaHttp, PER_CLIENT);
            Result steadyResult = run(viaHttpWithRelease, PER_CLIENT);
            Result rawAgain = run(viaRawUpdate, PER_CLIENT);

            System.out.println();
            System.out.printf(Locale.ROOT, "BENCHMARK one hot record, %d concurrent clients, %d allocations each (cores: %d)%n",
                    CLIENTS, PER_CLIENT, Runtime.getRuntime().availableProcessors());
            print("HTTP GET /api/stock/{id} (same record)", getResult);
            print("raw findOneAndUpdate (before)", rawResult);
            print("HTTP POST /api/stock/allocations", httpResult);
            print("HTTP allocate + release (steady)", steadyResult);
            print("raw findOneAndUpdate (after)", rawAgain);
            double rawMean = (rawResult.perSecond() + rawAgain.perSecond()) / 2;
            System.out.printf(Locale.ROOT, "BENCHMARK ratio raw/HTTP = %.1f  (HTTP reaches %.1f%% of raw)%n%n",
                    rawMean / httpResult.perSecond(), 100 * httpResult.perSecond() / rawMean);
            System.out.printf(Locale.ROOT, "BENCHMARK allocation / GET on the same record = %.2f%n",
                    httpResult.perSecond() / getResult.perSecond());
            System.out.printf(Locale.ROOT, "BENCHMARK ratio raw/HTTP steady (allocate + release, open set <= clients) = %.1f%n%n",
                    rawMean / steadyResult.perSecond());
        }
    }

    interface Op {
        void call() throws Exception;
    }

    record Result(int operations, double seconds, double medianMs, double p99Ms) {
        double perSecond() {
            return operations / seconds;
        }
    }

    private static Result run(Op op, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>(perClient);
                ready.countDown();
                gate.await();
                for (int i = 0; i < perClient; i++) {
                    long start = System.nanoTime();
                    op.call();
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        ready.await();
        long start = System.nanoTime();
        gate.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get(10, TimeUnit.MINUTES));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        Collections.sort(all);
        return new Result(all.size(), seconds, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6);
    }

    private static void print(String what, Result r) {
        System.out.printf(Locale.ROOT, "BENCHMARK %-34s %6d ops in %6.2f s = %8.1f allocations/s, median %7.2f ms, p99 %7.2f ms%n",
                what, r.operations(), r.seconds(), r.perSecond(), r.medianMs(), r.p99Ms());
    }
}
