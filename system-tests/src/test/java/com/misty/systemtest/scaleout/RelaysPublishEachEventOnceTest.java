package com.misty.systemtest.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.contracts.Topics;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.faults.OrderBurst;
import com.misty.systemtest.faults.OrderSagaFixture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of every service, each with its own outbox relay over the same collections: in a run without
 * crashes no event reaches the broker twice. Runs after the original test plan in the scale-out execution (which
 * spread its users over both gateways and so over both replicas of each service) and adds a burst of orders of its
 * own; then every record on every topic is counted by event id. A duplicate after a crash would be harmless
 * downstream (consumers de-duplicate), which is why this runs before the crash tests.
 */
@Order(90)
class RelaysPublishEachEventOnceTest {

    private static final List<String> TOPICS = List.of(Topics.AUTH_EVENTS, Topics.INVENTORY_EVENTS,
            Topics.INVENTORY_STOCK_LEVELS, Topics.PAYROLL_EVENTS, Topics.ORDERS_EVENTS);

    private final RunningSuite suite = Replicas.suite();

    @Test
    void noEventIsPublishedTwiceByTheRelaysOfTwoReplicas() {
        OrderSagaFixture fixture = OrderSagaFixture.create(suite, "relays-once");
        List<OrderBurst.Attempt> placed = OrderBurst.start(fixture, 4, Duration.ofMillis(20), 60).finish();
        Map<String, JsonNode> finalOrders = fixture.awaitAllFinal(Duration.ofSeconds(120));
        fixture.assertEverySagaCompletedOnce(OrderBurst.created(placed), finalOrders);
        assertThat(OrderBurst.created(placed)).as("orders placed through both gateways").hasSize(60);

        for (String module : List.of("order-service", "inventory-service")) {
            for (String replica : Replicas.of(suite, module)) {
                assertThat(Replicas.eventsPublishedBy(suite, replica))
                        .as("events published by the relay of %s (both replicas' relays were at work)", replica)
                        .isPositive();
            }
        }
        Map<String, Integer> published = PublishedEvents.countByEventId(suite.options().kafkaBootstrap(), TOPICS);
        Map<String, Integer> twice = published.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        System.out.printf("[scale-out] %d events on %s, %d published more than once%n", published.size(), TOPICS,
                twice.size());
        assertThat(published).as("events on the topics").hasSizeGreaterThan(60 * 3);
        assertThat(twice).as("event ids published more than once").isEmpty();
    }
}
