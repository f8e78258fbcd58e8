package com.misty.gateway;

import com.misty.gateway.support.BenchmarkStubs;
import com.misty.gateway.support.CorePlacement;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Direct vs. through the gateway: the same authenticated GET to the same stub service, at the same concurrency,
 * in one run, alternating rounds so both see the same machine state. Prints throughput ratio and the latency the
 * gateway adds (median and p99). Not part of the test suite (no *Test suffix); run it with
 * {@code ./mvnw -B -q -pl gateway -am verify -Dtest=GatewayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The result is also written to {@code gateway/target/benchmark.txt}.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(BenchmarkStubs.class)
class GatewayBenchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 15);
    private static final int ROUND_SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** "shared": everything on every core; "own": the gateway on a core of its own, generator and stub on another. */
    private static final String GATEWAY_CORE = System.getProperty("bench.gateway-core", "shared");
    private static final String PATH = "/api/stock/bench";

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void directVersusGateway() throws Exception {
        String token = TestTokens.accessToken("bench-user", "manager");
        URI direct = URI.create(System.getProperty(BenchmarkStubs.DIRECT_URL));
        URI viaGateway = gateway.toURI();
        Vertx vertx = Vertx.vertx();
        try {
            String placement = placeOnCores(vertx);
            run(vertx, direct, token, WARMUP_SECONDS);
            run(vertx, viaGateway, token, WARMUP_SECONDS);
            Result directTotal = Result.EMPTY;
            Result gatewayTotal = Result.EMPTY;
            for (int round = 0; round < ROUNDS; round++) {
                directTotal = directTotal.plus(run(vertx, direct, token, ROUND_SECONDS));
                gatewayTotal = gatewayTotal.plus(run(vertx, viaGateway, token, ROUND_SECONDS));
            }
            String report = report(directTotal, gatewayTotal, placement);
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark.txt"), report);
            assertThat(gatewayTotal.errors()).isZero();
        } finally {
            if (!"shared".equals(GATEWAY_CORE)) {
                CorePlacement.undo();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * With {@code bench.gateway-core=own}: the gateway's threads (with the rest of this JVM) on the last core, the
     * load generator's and the stub's event loops on the others, as when the gateway runs in a container of its own.
     */
    private static String placeOnCores(Vertx generator) {
        if (!"own".equals(GATEWAY_CORE)) {
            return "shared";
        }
        return CorePlacement.gatewayOnItsOwnCore(generator, BenchmarkStubs.running().vertx());
    }

    /** Closed loop: CONCURRENCY requests in flight, each answered one replaced by the next, for {@code seconds}. */
    private static Result run(Vertx vertx, URI target, String token, int seconds) throws InterruptedException {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(CONCURRENCY));
        long[] latencies = new long[4_000_000];
        AtomicInteger count = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(CONCURRENCY);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(target.getHost())
                .setPort(target.getPort()).setURI(PATH).putHeader("Authorization", "Bearer " + token);
        long processCpuBefore = processCpuNanos();
        long loadCpuBefore = threadCpuNanos(LOAD_THREADS);
        long started = System.nanoTime();
        for (int worker = 0; worker < CONCURRENCY; worker++) {
            vertx.runOnContext(ignored -> {
                LOAD_THREADS.add(Thread.currentThread().getId());
                next(client, options, deadline, latencies, count, errors, done);
            });
        }
        done.await(seconds + 30L, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - started;
        long processCpu = processCpuNanos() - processCpuBefore;
        long loadCpu = threadCpuNanos(LOAD_THREADS) - loadCpuBefore;
        client.close();
        int n = Math.min(count.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(n, errors.get(), elapsed, sorted, processCpu, loadCpu);
    }

    /** The load generator's event-loop threads (one Vert.x instance for the whole run), for CPU accounting. */
    private static final Set<Long> LOAD_THREADS = ConcurrentHashMap.newKeySet();

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long threadCpuNanos(Set<Long> threads) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads) {
            long cpu = mx.getThreadCpuTime(id);
            total += Math.max(0, cpu);
        }
        return total;
    }

    private static void next(HttpClient client, RequestOptions options, long deadline, long[] latencies,
                             AtomicInteger count, AtomicLong errors, CountDownLatch done) {
        if (System.nanoTime() >= deadline) {
            done.countDown();
            return;
        }
        long start = System.nanoTime();
        client.request(options)
                .compose(request -> request.send().compose(response -> response.body().map(body -> response.statusCode())))
                .onComplete(result -> {
                    if (result.succeeded() && result.result() == 200) {
                        int slot = count.getAndIncrement();
                        if (slot < latencies.length) {
                            latencies[slot] = System.nanoTime() - start;
                        }
                    } else {
                        errors.incrementAndGet();
                    }
                    next(client, options, deadline, latencies, count, errors, done);
                });
    }

    private static String report(Result direct, Result gateway, String placement) {
        double ratio = gateway.throughput() / direct.throughput();
        // The service's share is what the direct rounds cost beyond the load generator; it is the same stub in both.
        double serviceMicros = direct.cpuMicrosPerRequest() - direct.loadMicrosPerRequest();
        return String.format(Locale.ROOT, """
                Gateway benchmark: GET %s, concurrency %d, %d x %d s per side (after %d s warm-up each)
                cores: %s
                | path | requests | errors | throughput (req/s) | median (ms) | p99 (ms) |
                | --- | --- | --- | --- | --- | --- |
                | direct to the service | %d | %d | %.0f | %.3f | %.3f |
                | through the gateway | %d | %d | %.0f | %.3f | %.3f |
                throughput ratio (gateway / direct): %.2f
                added latency: median %.3f ms, p99 %.3f ms
                CPU per request (microseconds, whole JVM on %d cores): direct %.1f (load generator %.1f + service %.1f), \
                through the gateway %.1f (load generator %.1f + service %.1f + gateway %.1f)
                machine load average at the end (other processes included): %.1f
                """, PATH, CONCURRENCY, ROUNDS, ROUND_SECONDS, WARMUP_SECONDS, placement,
                direct.count(), direct.errors(), direct.throughput(), direct.percentile(0.50), direct.percentile(0.99),
                gateway.count(), gateway.errors(), gateway.throughput(), gateway.percentile(0.50), gateway.percentile(0.99),
                ratio, gateway.percentile(0.50) - direct.percentile(0.50), gateway.percentile(0.99) - direct.percentile(0.99),
                Runtime.getRuntime().availableProcessors(),
                direct.cpuMicrosPerRequest(), direct.loadMicrosPerRequest(), serviceMicros,
                gateway.cpuMicrosPerRequest(), gateway.loadMicrosPerRequest(), serviceMicros,
                gateway.cpuMicrosPerRequest() - gateway.loadMicrosPerRequest() - serviceMicros,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    record Result(int count, long errors, long elapsedNanos, long[] sortedLatencies, long processCpuNanos,
                  long loadCpuNanos) {
        static final Result EMPTY = new Result(0, 0, 0, new long[0], 0, 0);

        double cpuMicrosPerRequest() {
            return processCpuNanos / 1e3 / count;
        }

        double loadMicrosPerRequest() {
            return loadCpuNanos / 1e3 / count;
        }

        double throughput() {
            return count / (elapsedNanos / 1e9);
        }

        double percentile(double p) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            return sortedLatencies[(int) Math.min(sortedLatencies.length - 1, Math.floor(p * sortedLatencies.length))] / 1e6;
        }

        Result plus(Result other) {
            long[] merged = new long[sortedLatencies.length + other.sortedLatencies.length];
            System.arraycopy(sortedLatencies, 0, merged, 0, sortedLatencies.length);
            System.arraycopy(other.sortedLatencies, 0, merged, sortedLatencies.length, other.sortedLatencies.length);
            Arrays.sort(merged);
            return new Result(count + other.count, errors + other.errors, elapsedNanos + other.elapsedNanos, merged,
                    processCpuNanos + other.processCpuNanos, loadCpuNanos + other.loadCpuNanos);
        }
    }
}
