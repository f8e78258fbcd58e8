package com.misty.systemtest.faults;

import com.misty.systemtest.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Order creations through the gateway that keep going while a test breaks something: a few threads, each
 * placing orders one after the other with a short pause, until stopped or {@code limit} orders were tried.
 * Every attempt is recorded with its answer and how long it took, so the test can say what clients saw.
 */
public final class OrderBurst {

    /** One attempt: its answer's status (-1 if no answer came), whether it was problem+json, and the order created. */
    public record Attempt(int n, Instant started, Instant answered, int status, boolean problem, String orderId, String error) {

        public long millis() {
            return Duration.between(started, answered).toMillis();
        }

        public boolean created() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return "#" + n + " " + status + (problem ? " problem" : "") + " in " + millis() + " ms"
                    + (error == null ? "" : " (" + error + ")");
        }
    }

    private final OrderSagaFixture fixture;
    private final Duration pause;
    private final int limit;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    private OrderBurst(OrderSagaFixture fixture, Duration pause, int limit) {
        this.fixture = fixture;
        this.pause = pause;
        this.limit = limit;
    }

    public static OrderBurst start(OrderSagaFixture fixture, int threads, Duration pause, int limit) {
        OrderBurst burst = new OrderBurst(fixture, pause, limit);
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(burst::placeOrders, "order-burst-" + i);
            thread.setDaemon(true);
            burst.threads.add(thread);
            thread.start();
        }
        return burst;
    }

    private void placeOrders() {
        while (!stopped.get()) {
            int n = next.getAndIncrement();
            if (n >= limit) {
                return;
            }
            Instant started = Instant.now();
            try {
                Response answer = fixture.placeOrder(n);
                String orderId = answer.status() == 201 ? answer.field("id").asText() : null;
                attempts.add(new Attempt(n, started, Instant.now(), answer.status(), answer.isProblem(), orderId, null));
            } catch (RuntimeException | AssertionError e) {
                attempts.add(new Attempt(n, started, Instant.now(), -1, false, null, e.toString()));
            }
            OrderSagaFixture.pause(pause);
        }
    }

    /** Waits until {@code count} more attempts than now have been answered (or the burst ran out). */
    public void awaitMoreAnswers(int count, Duration deadline) {
        int target = attempts.size() + count;
        Instant giveUp = Instant.now().plus(deadline);
        while (attempts.size() < target && Instant.now().isBefore(giveUp) && threads.stream().anyMatch(Thread::isAlive)) {
            OrderSagaFixture.pause(Duration.ofMillis(50));
        }
    }

    /** Stops placing orders, waits for the requests in flight, and returns every attempt in order. */
    public List<Attempt> stop() {
        stopped.set(true);
        return finish();
    }

    /** Waits until all {@code limit} orders were tried, and returns every attempt in order. */
    public List<Attempt> finish() {
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(90).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return attempts.stream().sorted(Comparator.comparingInt(Attempt::n)).toList();
    }

    /** Created orders' ids, each with its attempt number. */
    public static Map<String, Integer> created(List<Attempt> attempts) {
        Map<String, Integer> created = new LinkedHashMap<>();
        attempts.stream().filter(Attempt::created).forEach(a -> created.put(a.orderId(), a.n()));
        return created;
    }

    /** "status ×count (max N ms)" for the attempts started inside [from, to), for reports. */
    public static String summary(List<Attempt> attempts, Instant from, Instant to) {
        List<Attempt> inside = attempts.stream()
                .filter(a -> !a.started().isBefore(from) && a.started().isBefore(to)).toList();
        if (inside.isEmpty()) {
            return "none";
        }
        String byStatus = inside.stream().collect(Collectors.groupingBy(Attempt::status, java.util.TreeMap::new,
                        Collectors.counting()))
                .entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
        long max = inside.stream().mapToLong(Attempt::millis).max().orElse(0);
        List<Long> sorted = inside.stream().map(Attempt::millis).sorted().toList();
        return inside.size() + " requests: " + byStatus + "; median " + sorted.get(sorted.size() / 2) + " ms, max "
                + max + " ms";
    }
}
