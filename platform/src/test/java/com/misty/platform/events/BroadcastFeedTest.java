package com.misty.platform.events;

import com.misty.testkit.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The feed every replica runs for in-memory state, against a real broker. */
class BroadcastFeedTest {

    private static EmbeddedKafkaBroker broker;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.startOnRandomPorts();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        broker.close();
    }

    @Test
    void historyIsReadBeforeItIsSaidReadAndRecordsGoOnArrivingAfter() throws Exception {
        String topic = createTopic(2);
        for (int i = 0; i < 10; i++) {
            send(topic, "history-" + i);
        }
        Reader reader = new Reader(from -> from.beginning());
        BroadcastFeed feed = started(topic, reader);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.historyReadCalls.get() == 1);
            assertThat(reader.acceptedWhenHistoryRead).as("every record of the history, before it was said read")
                    .isEqualTo(10);

            send(topic, "live");
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.values.contains("live"));
            assertThat(reader.historyReadCalls).as("said once").hasValue(1);
        } finally {
            feed.stop();
        }
    }

    @Test
    void eachPartitionStartsWhereTheReaderSays() throws Exception {
        String topic = createTopic(1);
        for (int i = 0; i < 10; i++) {
            send(topic, "record-" + i);
        }
        Reader reader = new Reader(from -> Math.max(from.beginning(), from.end() - 3));
        BroadcastFeed feed = started(topic, reader);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.historyReadCalls.get() == 1);
            assertThat(reader.values).containsExactly("record-7", "record-8", "record-9");
        } finally {
            feed.stop();
        }
    }

    @Test
    void aTopicThatDoesNotExistHasNoHistoryAndIsReadOnceCreated() throws Exception {
        String topic = "later-" + UUID.randomUUID();
        Reader reader = new Reader(from -> from.beginning());
        BroadcastFeed feed = started(topic, reader);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.historyReadCalls.get() == 1);
            try (Admin admin = admin()) {
                assertThat(admin.listTopics().names().get()).as("looking the topic up did not create it")
                        .doesNotContain(topic);
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
            send(topic, "first");
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.values.contains("first"));
        } finally {
            feed.stop();
        }
    }

    private record Start(long beginning, long end) {
    }

    private static final class Reader implements BroadcastFeed.Reader {
        final List<String> values = new CopyOnWriteArrayList<>();
        final AtomicInteger historyReadCalls = new AtomicInteger();
        final java.util.function.ToLongFunction<Start> startAt;
        volatile int acceptedWhenHistoryRead = -1;

        Reader(java.util.function.ToLongFunction<Start> startAt) {
            this.startAt = startAt;
        }

        @Override
        public long startAt(TopicPartition partition, long beginning, long end) {
            return startAt.applyAsLong(new Start(beginning, end));
        }

        @Override
        public void accept(ConsumerRecord<String, String> record) {
            values.add(record.value());
        }

        @Override
        public void historyRead() {
            acceptedWhenHistoryRead = values.size();
            historyReadCalls.incrementAndGet();
        }
    }

    private static BroadcastFeed started(String topic, Reader reader) {
        BroadcastFeed feed = new BroadcastFeed(KafkaConnection.to(broker.bootstrapServers()), "test-feed", Set.of(topic), reader);
        feed.start();
        return feed;
    }

    private static String createTopic(int partitions) throws Exception {
        String topic = "feed-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void send(String topic, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, value, value)).get();
    }
}
