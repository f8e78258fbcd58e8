package com.misty.systemtest.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The gateway's live stream ({@code /api/events/stream}, Server-Sent Events) as the web UI reads it: remembers
 * when each order's {@code OrderStatusChanged} to a final status (CONFIRMED or REJECTED) arrived, so the
 * benchmark can time placed → confirmed as a user watching the screen sees it.
 */
final class OrderStatusStream implements AutoCloseable {

    /** When the final status of one order arrived ({@link System#nanoTime()}), and which status it was. */
    record Arrival(long nanos, String status) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CompletableFuture<Arrival>> arrivals = new ConcurrentHashMap<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    OrderStatusStream(HttpClient http, String gatewayUrl, String accessToken) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/events/stream"))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "text/event-stream").build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(this::read, "benchmark-sse-reader");
        reader.setDaemon(true);
        reader.start();
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the event stream did not open within 30 s");
        }
    }

    /** The arrival of {@code orderId}'s final status (also if it came before the caller asked). */
    CompletableFuture<Arrival> finalStatusOf(String orderId) {
        return arrivals.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    private void read() {
        try {
            HttpResponse<Stream<String>> answer = response.get(30, TimeUnit.SECONDS);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("event stream answered " + answer.statusCode());
            }
            lines = answer.body();
            String[] event = {null};
            lines.forEach(line -> {
                // The first frame (the resume id) shows the gateway has registered the stream.
                connected.countDown();
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).trim();
                } else if (line.startsWith("data:") && "OrderStatusChanged".equals(event[0])) {
                    onStatusChanged(line.substring(5).trim());
                } else if (line.isEmpty()) {
                    event[0] = null;
                }
            });
        } catch (Exception e) {
            if (lines == null) {
                System.err.println("benchmark: event stream failed: " + e);
            }
        }
    }

    private void onStatusChanged(String data) {
        long now = System.nanoTime();
        try {
            JsonNode payload = JSON.readTree(data).path("payload");
            String status = payload.path("status").asText();
            if ("CONFIRMED".equals(status) || "REJECTED".equals(status)) {
                finalStatusOf(payload.path("order_id").asText()).complete(new Arrival(now, status));
            }
        } catch (Exception e) {
            System.err.println("benchmark: unreadable event " + data + ": " + e);
        }
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        response.cancel(true);
    }
}
