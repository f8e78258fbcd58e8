package com.misty.systemtest.benchmark;

import com.misty.testkit.Concurrently;

import java.time.Duration;
import java.util.List;

/**
 * A closed-loop load: {@code clients} workers released together, each sending its next request as soon as the
 * previous one is answered, for a fixed time. Throughput is the successful requests over the time all workers
 * were running; latencies are those of the successful requests.
 */
final class ClosedLoop {

    /** One request of worker {@code client}; true if it got the answer it expected. */
    @FunctionalInterface
    interface Call {
        boolean send(int client) throws Exception;
    }

    record Round(int ok, int failed, long elapsedNanos, Latencies latencies) {

        double perSecond() {
            return ok / (elapsedNanos / 1e9);
        }
    }

    private record Worker(long startNanos, long endNanos, long[] nanos, int failed) {
    }

    private ClosedLoop() {
    }

    static Round run(int clients, Duration duration, Call call) {
        List<Worker> workers = Concurrently.run(clients, client -> () -> {
            LongList nanos = new LongList();
            int failed = 0;
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            long now = start;
            while (now < deadline) {
                boolean ok;
                try {
                    ok = call.send(client);
                } catch (Exception e) {
                    ok = false;
                }
                long done = System.nanoTime();
                if (ok) {
                    nanos.add(done - now);
                } else {
                    failed++;
                }
                now = done;
            }
            return new Worker(start, now, nanos.toArray(), failed);
        });
        long start = workers.stream().mapToLong(Worker::startNanos).min().orElseThrow();
        long end = workers.stream().mapToLong(Worker::endNanos).max().orElseThrow();
        Latencies latencies = Latencies.of(workers.stream().map(Worker::nanos).toList());
        return new Round(latencies.count(), workers.stream().mapToInt(Worker::failed).sum(), end - start, latencies);
    }

    /** Several rounds of one target taken together (throughput over their summed time, latencies pooled). */
    static Round combine(List<Round> rounds) {
        return new Round(rounds.stream().mapToInt(Round::ok).sum(), rounds.stream().mapToInt(Round::failed).sum(),
                rounds.stream().mapToLong(Round::elapsedNanos).sum(),
                Latencies.of(rounds.stream().map(r -> r.latencies().sortedNanos()).toList()));
    }
}
