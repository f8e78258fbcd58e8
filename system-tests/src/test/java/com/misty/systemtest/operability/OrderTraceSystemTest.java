package com.misty.systemtest.operability;

import com.misty.systemtest.Clients;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import com.misty.systemtest.operability.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace per order: with {@code MISTY_TRACING_OTLP_ENDPOINT} set, placing an order through the gateway yields
 * spans from the gateway, order-service (the request, and later the saga's answer it consumes) and inventory-service
 * (the saga step it runs on OrderPlaced), all with the trace id of the placing request — the context travelled
 * through the outbox entry and the Kafka headers. Without the setting nothing is exported (the other system tests
 * run that way).
 */
class OrderTraceSystemTest {

    private static OtlpReceiver collector;
    private static RunningSuite suite;

    @BeforeAll
    static void startWithACollector() throws Exception {
        collector = new OtlpReceiver();
        suite = RunningSuite.startSeparately(Path.of("target/tracing-suite-data"), Map.of(
                "MISTY_TRACING_OTLP_ENDPOINT", collector.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.stop();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void placingAnOrderIsOneTraceFromTheRequestThroughTheSagaToTheConfirmation() {
        Session admin = suite.admin();
        String client = Clients.create(admin, "Traced Packaging");
        String product = "TRACE-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/stock/receipts", Map.of("product_id", product, "client_id", client, "quantity", 100,
                "reference", "tracing test")).expect(200);

        var placed = admin.post("/api/orders", Map.of("client_id", client,
                "lines", List.of(Map.of("product_id", product, "quantity", 3)))).expect(201);
        String orderId = placed.field("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                admin.get("/api/orders/" + orderId).expect(200).field("status").asText().equals("CONFIRMED"));

        // The request that placed the order: order-service's server span for POST /api/orders.
        String traceId = await().atMost(Duration.ofSeconds(30)).until(() -> placingSpan().map(ReceivedSpan::traceId),
                Optional::isPresent).orElseThrow();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ReceivedSpan> trace = collector.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
            Set<String> services = trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
            assertThat(services).as("services in the order's trace" + OtlpReceiver.describe(trace))
                    .contains("gateway", "order-service", "inventory-service");
            assertThat(trace).as("inventory-service consumed OrderPlaced in the order's trace")
                    .anyMatch(s -> s.service().equals("inventory-service") && s.kind() == ReceivedSpan.CONSUMER
                            && s.name().startsWith("orders.events"));
            assertThat(trace).as("order-service consumed the saga's answer in the order's trace")
                    .anyMatch(s -> s.service().equals("order-service") && s.kind() == ReceivedSpan.CONSUMER
                            && s.name().startsWith("inventory.events"));
        });

        // The spans form one tree: every parent named in the trace is a span of it, except the gateway's root.
        List<ReceivedSpan> trace = collector.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
        Set<String> spanIds = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        assertThat(trace.stream().filter(s -> s.parentSpanId().isEmpty()).toList())
                .as("roots of the order's trace" + OtlpReceiver.describe(trace))
                .singleElement().extracting(ReceivedSpan::service).isEqualTo("gateway");
        assertThat(trace).allMatch(s -> s.parentSpanId().isEmpty() || spanIds.contains(s.parentSpanId()));
    }

    private static Optional<ReceivedSpan> placingSpan() {
        return collector.spans().stream()
                .filter(s -> s.service().equals("order-service") && s.kind() == ReceivedSpan.SERVER
                        && s.name().equals("POST /api/orders"))
                .findFirst();
    }
}
