package com.misty.systemtest.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Everything published on the suite's topics so far, read from the beginning of every partition up to its end at
 * the time of reading (no consumer group, nothing committed): to count how often each event id was published.
 */
final class PublishedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishedEvents() {
    }

    /** How many records carry each event id, over all partitions of {@code topics}. */
    static Map<String, Integer> countByEventId(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        Map<String, Integer> counts = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
            while (!reachedEnd(consumer, ends)) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new AssertionError("could not read the topics to their end within 2 minutes: " + ends);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    counts.merge(eventId(record), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        try {
            JsonNode envelope = JSON.readTree(record.value());
            JsonNode id = envelope == null ? null : envelope.get("event_id");
            if (id == null) {
                throw new AssertionError("a record without event_id on " + record.topic() + ": " + record.value());
            }
            return id.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON on " + record.topic() + ": " + record.value(), e);
        }
    }
}
