package com.misty.systemtest.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.misty.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the time from placing an order to seeing it CONFIRMED goes, hop by hop. Every event carries when its writer
 * queued it in the outbox ({@code occurred_at}), and its Kafka record when the relay handed it to the producer (the
 * record's timestamp); with the placer's own send and arrival times (same machine, same clock) that splits the path:
 * the service's handling up to the write, the relay's pick-up, and the broker delivery plus the next consumer's
 * handling. Read after the phase from the topics themselves, so the measurement adds nothing to the path.
 */
final class SagaHops {

    /** One counted order, in wall-clock milliseconds: POST sent, answered, and CONFIRMED arrived on the stream. */
    record PlacedOrder(String orderId, long sentMillis, long answeredMillis, long confirmedMillis) {
    }

    /** When an event was written (outbox) and when the relay sent it (record timestamp), in epoch milliseconds. */
    private record Stamps(long written, long sent) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACED = "OrderPlaced";
    private static final String ANSWERED = "StockAllocated";
    private static final String CONFIRMED = "OrderStatusChanged:CONFIRMED";

    private SagaHops() {
    }

    /** Rows: hop, orders measured, p50, p99 (ms); orders whose events were not all found are left out. */
    static List<List<String>> rows(String bootstrapServers, List<PlacedOrder> orders) {
        Map<String, Map<String, Stamps>> events = read(bootstrapServers, List.of(Topics.ORDERS_EVENTS, Topics.INVENTORY_EVENTS));
        Map<String, List<Long>> hops = new LinkedHashMap<>();
        for (PlacedOrder order : orders) {
            Map<String, Stamps> byType = events.getOrDefault(order.orderId(), Map.of());
            Stamps placed = byType.get(PLACED);
            Stamps answered = byType.get(ANSWERED);
            Stamps confirmed = byType.get(CONFIRMED);
            if (placed == null || answered == null || confirmed == null) {
                continue;
            }
            add(hops, "order-service: POST sent → OrderPlaced written", placed.written() - order.sentMillis());
            add(hops, "order-service relay: OrderPlaced written → sent to Kafka", placed.sent() - placed.written());
            add(hops, "Kafka → inventory-service saga → StockAllocated written", answered.written() - placed.sent());
            add(hops, "inventory-service relay: written → sent to Kafka", answered.sent() - answered.written());
            add(hops, "Kafka → order-service → CONFIRMED written", confirmed.written() - answered.sent());
            add(hops, "order-service relay: CONFIRMED written → sent to Kafka", confirmed.sent() - confirmed.written());
            add(hops, "Kafka → gateway → SSE arrival", order.confirmedMillis() - confirmed.sent());
            add(hops, "(POST answered, for comparison)", order.answeredMillis() - order.sentMillis());
        }
        List<List<String>> rows = new ArrayList<>();
        hops.forEach((hop, millis) -> {
            Latencies latencies = Latencies.of(millis.stream().mapToLong(ms -> ms * 1_000_000).toArray());
            rows.add(List.of(hop, String.valueOf(latencies.count()), Markdown.millis(latencies.p50()),
                    Markdown.millis(latencies.p99())));
        });
        return rows;
    }

    private static void add(Map<String, List<Long>> hops, String hop, long millis) {
        hops.computeIfAbsent(hop, h -> new ArrayList<>()).add(millis);
    }

    /** Every order's first event of each type (status changes by their status), read to the topics' current end. */
    private static Map<String, Map<String, Stamps>> read(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        Map<String, Map<String, Stamps>> byOrder = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())
                    && Instant.now().isBefore(giveUp)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode envelope = parse(record);
                    String type = envelope.path("type").asText();
                    if (type.equals("OrderStatusChanged")) {
                        type += ":" + envelope.path("payload").path("status").asText();
                    }
                    long written = Instant.parse(envelope.path("occurred_at").asText()).toEpochMilli();
                    byOrder.computeIfAbsent(record.key(), key -> new HashMap<>())
                            .putIfAbsent(type, new Stamps(written, record.timestamp()));
                }
            }
        }
        return byOrder;
    }

    private static JsonNode parse(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON on " + record.topic() + ": " + record.value(), e);
        }
    }
}
