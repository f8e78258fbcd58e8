package com.misty.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Fires N calls released together: every thread is started and parked on one gate first, then the gate
 * opens, so the calls really overlap instead of running one after another as threads happen to start.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code call.apply(i)} for i in 0..n-1 on n threads released at once; returns results in index order. */
    public static <T> List<T> run(int n, IntFunction<Callable<T>> call) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Callable<T> task = call.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    gate.await();
                    return task.call();
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Not all " + n + " threads became ready");
            }
            gate.countDown();
            List<T> results = new ArrayList<>(n);
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("A concurrent call failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
