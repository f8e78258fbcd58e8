package com.misty.systemtest.scaleout;

import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import com.misty.systemtest.faults.OrderSagaFixture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream with two gateways: a user's browser loses its stream on one gateway (the balancer in front sends
 * the reconnect to the other) and resumes with {@code Last-Event-ID} there, missing nothing that happened while it
 * was away. Each gateway reads the topics itself; the ids are Kafka positions, the same on both.
 */
@Order(91)
class LiveStreamAcrossGatewaysTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final RunningSuite suite = Replicas.suite();

    @Test
    void aStreamResumedOnTheOtherGatewayMissesNothing() throws Exception {
        List<String> gateways = suite.processes().gatewayUrls();
        OrderSagaFixture fixture = OrderSagaFixture.create(suite, "live-two-gateways");
        Session manager = fixture.manager();

        String lastSeenId;
        String first;
        try (Stream stream = Stream.open(suite, gateways.get(0), manager.accessToken(), null)) {
            first = fixture.placeOrder(0).expect(201).field("id").asText();
            lastSeenId = stream.awaitEventAbout(first, "CONFIRMED").id();
        }
        // Away from the stream: two more orders are placed and confirmed.
        String second = fixture.placeOrder(1).expect(201).field("id").asText();
        String third = fixture.placeOrder(2).expect(201).field("id").asText();
        fixture.awaitAllFinal(WAIT);

        try (Stream resumed = Stream.open(suite, gateways.get(1), manager.accessToken(), lastSeenId)) {
            resumed.awaitEventAbout(second, "CONFIRMED");
            resumed.awaitEventAbout(third, "CONFIRMED");
            assertThat(resumed.frames()).as("events of the order confirmed before the stream was left")
                    .noneMatch(frame -> frame.data().contains(first) && frame.data().contains("CONFIRMED"));
        }
    }

    /** One frame of the stream: its id and data. */
    record Frame(String id, String event, String data) {
    }

    /** A live stream read line by line, as a fetch-based reader in the browser does. */
    private static final class Stream implements AutoCloseable {
        private final List<Frame> frames = new CopyOnWriteArrayList<>();
        private final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;
        private volatile java.util.stream.Stream<String> lines;

        private Stream(CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response) {
            this.response = response;
        }

        static Stream open(RunningSuite suite, String gateway, String token, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/api/events/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            Stream stream = new Stream(suite.client().http().sendAsync(request.build(),
                    HttpResponse.BodyHandlers.ofLines()));
            Thread reader = new Thread(stream::read, "scale-out-sse");
            reader.setDaemon(true);
            reader.start();
            return stream;
        }

        private void read() {
            try {
                HttpResponse<java.util.stream.Stream<String>> answer = response.get(30, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as("event stream status").isEqualTo(200);
                lines = answer.body();
                String[] frame = {null, null, null};
                lines.forEach(line -> {
                    if (line.startsWith("id:")) {
                        frame[0] = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        frame[1] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        frame[2] = line.substring(5).trim();
                    } else if (line.isEmpty()) {
                        if (frame[2] != null) {
                            frames.add(new Frame(frame[0], frame[1], frame[2]));
                        }
                        frame[0] = frame[1] = frame[2] = null;
                    }
                });
            } catch (Exception e) {
                // closed by the test
            }
        }

        List<Frame> frames() {
            return List.copyOf(frames);
        }

        /** The first frame whose data names {@code orderId} and contains {@code text}, waiting for it. */
        Frame awaitEventAbout(String orderId, String text) {
            Instant giveUp = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(giveUp)) {
                for (Frame frame : frames) {
                    if (frame.data().contains(orderId) && frame.data().contains(text)) {
                        return frame;
                    }
                }
                OrderSagaFixture.pause(Duration.ofMillis(100));
            }
            throw new AssertionError("no event about " + orderId + " with " + text + " within " + WAIT.toSeconds()
                    + " s; frames: " + frames);
        }

        @Override
        public void close() {
            java.util.stream.Stream<String> open = lines;
            if (open != null) {
                open.close();
            }
            response.cancel(true);
        }
    }
}
