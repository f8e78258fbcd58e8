package com.misty.gateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A minimal Server-Sent Events reader for tests: collects frames and comment lines as they arrive. */
public final class SseClient implements AutoCloseable {

    /** One dispatched frame: {@code id}, {@code event} and {@code data} as received. */
    public record Frame(String id, String event, String data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        } else {
            ended = true;
        }
    }

    public static SseClient open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            return new SseClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open " + uri, e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    public boolean ended() {
        return ended;
    }

    /** Waits until a frame matches; fails after {@code timeout}. */
    public Frame await(Predicate<Frame> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Frame frame : frames) {
                if (wanted.test(frame)) {
                    return frame;
                }
            }
            sleep();
        }
        throw new AssertionError("No matching event within " + timeout + "; received " + frames);
    }

    /** The last {@code id} received (also from id-only frames), as a browser would send it in Last-Event-ID. */
    public String lastEventId() {
        String last = null;
        for (Frame frame : frames) {
            if (frame.id() != null) {
                last = frame.id();
            }
        }
        return last;
    }

    private void read() {
        String id = null;
        String event = null;
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (id != null || event != null || !data.isEmpty()) {
                        frames.add(new Frame(id, event, data.isEmpty() ? null : String.join("\n", data)));
                    }
                    id = null;
                    event = null;
                    data = new ArrayList<>();
                } else if (line.startsWith(":")) {
                    comments.add(line);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                }
            }
        } catch (RuntimeException e) {
            // Closed by the test or the server.
        } finally {
            ended = true;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (RuntimeException e) {
            // Already closed.
        }
    }
}
