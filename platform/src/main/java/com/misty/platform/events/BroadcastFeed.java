package com.misty.platform.events;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads whole topics for state that every replica keeps in memory (the revocation list, the gateway's live
 * streams). Unlike a service's consumers, every replica must see every record, and the state is rebuilt at each
 * start, so there is no consumer group: the feed assigns itself every partition of its topics, starts each one
 * where its {@link Reader} says, and commits nothing (replicas that come and go leave no group state behind).
 * Partitions created later are picked up periodically; a failed connection is opened again.
 *
 * <p>The records present when the feed first saw a partition are its <em>history</em>. Once every such
 * partition has been read to that point, {@link Reader#historyRead()} is called, once; a topic that does not exist
 * yet has no history. Until then the owner is not ready to serve (it answers 503 rather than accept a revoked token).
 */
public final class BroadcastFeed {

    /** What the feed's owner does with the records. All calls come from the feed's own thread. */
    public interface Reader {

        /**
         * The offset to start a newly assigned partition at, between {@code beginning} and {@code end} (the next
         * offset to be written). Called again for every partition after a reconnect.
         */
        long startAt(TopicPartition partition, long beginning, long end);

        /** One record; a tombstone (null value) too. */
        void accept(ConsumerRecord<String, String> record);

        /** Every partition's history has been read: called once per feed. */
        void historyRead();
    }

    private static final Logger LOG = Logger.getLogger(BroadcastFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PARTITION_REFRESH_MILLIS = 10_000;
    private static final long PARTITION_RETRY_MILLIS = 1_000;

    private final KafkaConnection kafka;
    private final String clientId;
    private final Set<String> topics;
    private final Reader reader;

    /** End offsets of the partitions assigned before the history was read: what must be read first. */
    private final Map<TopicPartition, Long> historyEnd = new HashMap<>();
    private final Set<TopicPartition> assigned = new LinkedHashSet<>();
    private volatile boolean running = true;
    private volatile boolean historyRead;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public BroadcastFeed(KafkaConnection kafka, String clientId, Set<String> topics, Reader reader) {
        this.kafka = kafka;
        this.clientId = clientId;
        this.topics = new LinkedHashSet<>(topics);
        this.reader = reader;
    }

    /** Starts reading on a daemon thread named after the client id. */
    public void start() {
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops reading and waits (up to 5 s) for the thread to end. */
    public void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(5000);
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> opened = new KafkaConsumer<>(properties(),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer = opened;
                assigned.clear();
                consume(opened);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Feed %s failed, reconnecting: %s", clientId, e.toString());
                sleep(1000);
            }
        }
    }

    private void consume(KafkaConsumer<String, String> kafka) {
        long nextPartitionRefresh = 0;
        while (running) {
            if (System.currentTimeMillis() >= nextPartitionRefresh) {
                boolean complete = assignNewPartitions(kafka);
                nextPartitionRefresh = System.currentTimeMillis()
                        + (complete ? PARTITION_REFRESH_MILLIS : PARTITION_RETRY_MILLIS);
                checkHistoryRead(kafka);
            }
            if (assigned.isEmpty()) {
                sleep(200);
                continue;
            }
            for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                reader.accept(record);
            }
            checkHistoryRead(kafka);
        }
    }

    /** Returns whether every topic has partitions (a missing one is looked for again sooner). */
    private boolean assignNewPartitions(KafkaConsumer<String, String> kafka) {
        List<TopicPartition> fresh = new ArrayList<>();
        boolean complete = true;
        for (String topic : topics) {
            List<PartitionInfo> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                complete = false;
                continue;
            }
            for (PartitionInfo partition : partitions) {
                TopicPartition tp = new TopicPartition(topic, partition.partition());
                if (!assigned.contains(tp)) {
                    fresh.add(tp);
                }
            }
        }
        if (fresh.isEmpty()) {
            return complete;
        }
        assigned.addAll(fresh);
        kafka.assign(assigned);
        Map<TopicPartition, Long> beginnings = kafka.beginningOffsets(fresh);
        Map<TopicPartition, Long> ends = kafka.endOffsets(fresh);
        for (TopicPartition tp : fresh) {
            long begin = beginnings.getOrDefault(tp, 0L);
            long end = ends.getOrDefault(tp, begin);
            kafka.seek(tp, reader.startAt(tp, begin, end));
            if (!historyRead) {
                historyEnd.put(tp, end);
            }
        }
        LOG.debugf("Feed %s assigned %s; history ends at %s", clientId, fresh, historyEnd);
        return complete;
    }

    private void checkHistoryRead(KafkaConsumer<String, String> kafka) {
        if (historyRead) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> end : historyEnd.entrySet()) {
            if (kafka.position(end.getKey()) < end.getValue()) {
                return;
            }
        }
        historyRead = true;
        historyEnd.clear();
        reader.historyRead();
    }

    private Properties properties() {
        Properties props = kafka.clientProperties(clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Looking a topic up must not create it with broker defaults before its owner does.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return props;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
