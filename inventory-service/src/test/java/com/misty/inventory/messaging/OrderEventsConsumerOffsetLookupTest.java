package com.misty.inventory.messaging;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.contracts.inventory.StockAllocated;
import com.misty.contracts.orders.OrderLine;
import com.misty.contracts.orders.OrderPlaced;
import com.misty.platform.events.EventJson;
import com.misty.testkit.EventProbe;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import static com.misty.inventory.rest.StockApi.level;
import static com.misty.inventory.rest.StockApi.receive;
import static com.misty.inventory.rest.StockApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga's consumer must survive a group coordinator that does not answer in time. Found by the system
 * tests' Kafka outage (system-tests, KafkaBrokerOutageTest): with SmallRye's default "throttled" commit strategy
 * the first record of a freshly assigned partition waits for a committed-offset lookup, and when that lookup
 * times out (broker gone for longer than {@code default.api.timeout.ms}) the whole channel fails for good:
 * inventory stopped allocating until it was restarted by hand. Here every such lookup times out at once
 * ({@code default.api.timeout.ms=0}), which makes the same failure certain instead of a matter of timing.
 */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@TestProfile(OrderEventsConsumerOffsetLookupTest.LookupsTimeOut.class)
class OrderEventsConsumerOffsetLookupTest {

    public static class LookupsTimeOut implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.orders-in.default.api.timeout.ms", "0");
        }
    }

    @Test
    void orderEventsAreStillAllocatedWhenCommittedOffsetLookupsTimeOut() {
        String client = unique("client"), board = unique("board"), order = unique("order");
        String boardStock = receive(board, client, 100);

        EventEnvelope placed = EventEnvelope.of(order, "order-service",
                new OrderPlaced(order, "ORD-" + order, client, List.of(new OrderLine(1, board, 30))));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MistyTestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
             EventProbe probe = new EventProbe(MistyTestInfrastructure.kafkaBootstrapServers(), Topics.INVENTORY_EVENTS)) {
            producer.send(new ProducerRecord<>(Topics.ORDERS_EVENTS, order, EventJson.write(placed))).get();

            Predicate<List<ConsumerRecord<String, String>>> answered = records -> records.stream().anyMatch(r ->
                    order.equals(r.key()) && EventJson.read(r.value()).is(StockAllocated.class));
            assertThat(answered.test(probe.pollUntil(answered, Duration.ofSeconds(30))))
                    .as("StockAllocated for %s", order).isTrue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(level(boardStock)).isEqualTo(70);
    }
}
