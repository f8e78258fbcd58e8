package com.misty.gateway;

import com.misty.contracts.Topics;
import com.misty.contracts.inventory.StockLevelChanged;
import com.misty.contracts.orders.OrderStatusChanged;
import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.domain.LiveEvent;
import com.misty.gateway.domain.Viewer;
import com.misty.gateway.live.LiveEventHub;
import com.misty.gateway.messaging.SuiteEventsFeed;
import com.misty.platform.security.revocation.Revocations;
import com.misty.gateway.support.DownstreamStubs;
import com.misty.gateway.support.SseClient;
import com.misty.gateway.support.SuiteEvents;
import com.misty.platform.events.KafkaConnection;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSE ids are Kafka positions, so a client can resume on a gateway that was restarted (or on another replica):
 * a second gateway's event feed and ring, built from the broker the way a starting gateway builds them, resumes
 * the id the running gateway handed out, with every event published since and none from before.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class EventResumeAcrossRestartResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/api/events/stream")
    URL stream;

    @Inject
    GatewayConfig config;

    @Test
    void anIdFromThisGatewayResumesOnARestartedOneWithoutGaps() throws Exception {
        String admin = "resume-" + UUID.randomUUID();
        String seen = "order-" + UUID.randomUUID();
        String lastEventId;
        try (SseClient client = SseClient.open(stream.toURI(),
                Map.of("Authorization", "Bearer " + TestTokens.accessToken(admin, "admin")))) {
            SuiteEvents.publish(Topics.ORDERS_EVENTS, seen, new OrderStatusChanged(seen, "SO-1", "CONFIRMED", null, 1));
            client.await(f -> f.data() != null && f.data().contains(seen), WAIT);
            lastEventId = client.lastEventId();
        }
        // While the client is away (and its gateway restarts), events go on in two topics.
        List<String> missed = List.of("order-" + UUID.randomUUID(), "stock-" + UUID.randomUUID(),
                "order-" + UUID.randomUUID(), "stock-" + UUID.randomUUID());
        for (String id : missed) {
            if (id.startsWith("order-")) {
                SuiteEvents.publish(Topics.ORDERS_EVENTS, id, new OrderStatusChanged(id, "SO-2", "SHIPPED", null, 2));
            } else {
                SuiteEvents.publish(Topics.INVENTORY_STOCK_LEVELS, id, new StockLevelChanged(id, "p", "c", 3, "RECEIPT"));
            }
        }

        LiveEventHub restartedHub = new LiveEventHub(config);
        Revocations restartedRevocations = new Revocations();
        SuiteEventsFeed restartedFeed = new SuiteEventsFeed(KafkaConnection.to(MistyTestInfrastructure.kafkaBootstrapServers()), config,
                restartedRevocations, restartedHub);
        try {
            restartedFeed.startReading();
            assertThat(restartedRevocations.isReplayed()).as("the restarted feed read its history").isTrue();

            List<LiveEvent> resumed = restartedHub.missedSince(lastEventId, new Viewer(admin, Set.of("admin")))
                    .orElseThrow(() -> new AssertionError("the id " + lastEventId + " was not resumable"));
            List<String> resumedData = resumed.stream().map(LiveEvent::json).toList();
            for (String id : missed) {
                assertThat(resumedData).as("missed event " + id).anyMatch(json -> json.contains(id));
            }
            assertThat(resumedData).as("the event the client had").noneMatch(json -> json.contains(seen));
            // Within each partition: in offset order, each once.
            resumed.stream().collect(java.util.stream.Collectors.groupingBy(LiveEvent::partition)).forEach((partition, events) ->
                    assertThat(events).extracting(LiveEvent::offset).as(partition).isSorted().doesNotHaveDuplicates());
        } finally {
            restartedFeed.stopReading();
        }

        // The running gateway resumes the same id the same way.
        try (SseClient resumed = SseClient.open(stream.toURI(), Map.of(
                "Authorization", "Bearer " + TestTokens.accessToken(admin, "admin"), "Last-Event-ID", lastEventId))) {
            for (String id : missed) {
                resumed.await(f -> f.data() != null && f.data().contains(id), WAIT);
            }
            assertThat(resumed.frames()).noneMatch(f -> f.data() != null && f.data().contains(seen));
            assertThat(resumed.frames()).noneMatch(f -> "resync".equals(f.event()));
        }
    }
}
