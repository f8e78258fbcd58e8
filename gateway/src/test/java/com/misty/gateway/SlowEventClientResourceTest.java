package com.misty.gateway;

import com.misty.contracts.Topics;
import com.misty.contracts.orders.OrderStatusChanged;
import com.misty.gateway.support.DownstreamStubs;
import com.misty.gateway.support.SseClient;
import com.misty.gateway.support.SuiteEvents;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One client that stops reading its event stream must neither hold up the others nor make the gateway buffer
 * without bound: once its socket and its bounded queue are full, the gateway drops its connection.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class SlowEventClientResourceTest {

    private static final int EVENTS = 1500;
    /** About 4 kB per event: 6 MB in all, far more than the socket buffers, the 64 KiB write queue and 256 queued events. */
    private static final String BULK = "x".repeat(4000);

    @TestHTTPResource("/api/events/stream")
    URL stream;

    @Test
    void aClientThatStopsReadingIsDroppedWhileTheOthersGetEverything() throws Exception {
        String batch = UUID.randomUUID().toString();
        try (Socket stalled = stalledStream(TestTokens.accessToken("stalled-" + batch, "admin"));
             SseClient reader = SseClient.open(stream.toURI(),
                     Map.of("Authorization", "Bearer " + TestTokens.accessToken("reader-" + batch, "admin")))) {
            reader.await(f -> f.id() != null && f.event() == null, Duration.ofSeconds(20));

            List<Map.Entry<String, OrderStatusChanged>> events = IntStream.range(0, EVENTS)
                    .mapToObj(i -> Map.entry(batch + "-" + i,
                            new OrderStatusChanged(batch + "-" + i, "SO-" + i, "CONFIRMED", BULK, i)))
                    .toList();
            SuiteEvents.publishAll(Topics.ORDERS_EVENTS, events);

            // The reading client receives every event (the three partitions interleave, so count them all) while
            // the other one is stuck.
            await().atMost(Duration.ofSeconds(90)).until(() -> received(reader, batch) >= EVENTS);
            assertThat(received(reader, batch)).isEqualTo(EVENTS);
            assertThat(reader.ended()).as("the reading client is still connected").isFalse();

            // The stalled client was cut off: reading now yields what was buffered for it, then end of stream.
            long bytes = readUntilClosed(stalled, Duration.ofSeconds(30));
            assertThat(bytes).as("bytes the stalled client got before being dropped")
                    .isGreaterThan(0).isLessThan((long) EVENTS * BULK.length() / 2);
        }
    }

    private static long received(SseClient reader, String batch) {
        return reader.frames().stream().filter(f -> f.data() != null && f.data().contains(batch)).count();
    }

    /** Opens the event stream on a raw socket with a tiny receive buffer and never reads from it. */
    private Socket stalledStream(String token) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(stream.getHost(), stream.getPort()), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + stream.getPath() + " HTTP/1.1\r\nHost: " + stream.getHost() + ":" + stream.getPort()
                + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Reads and discards until the server closes the connection; fails if it stays open past {@code within}. */
    private static long readUntilClosed(Socket socket, Duration within) throws Exception {
        socket.setSoTimeout(2000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                int read = in.read(buffer);
                if (read < 0) {
                    return total;
                }
                total += read;
            } catch (SocketTimeoutException e) {
                // Still open and nothing more to read: keep waiting until the deadline.
            } catch (SocketException e) {
                // Reset by the gateway: dropped as well.
                return total;
            }
        }
        throw new AssertionError("the stalled client's connection is still open after " + within + " (" + total + " bytes read)");
    }
}
