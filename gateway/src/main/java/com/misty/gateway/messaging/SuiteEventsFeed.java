package com.misty.gateway.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.gateway.config.GatewayConfig;
import com.misty.gateway.live.LiveEventHub;
import com.misty.platform.events.EventJson;
import com.misty.platform.events.IncomingEvents;
import com.misty.platform.events.ReceivedEvent;
import com.misty.platform.security.revocation.Revocations;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import com.misty.platform.events.KafkaConnection;
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
 * Reads the suite's topics for the two things the gateway needs from them: revocations and live updates.
 *
 * <p>Unlike the services' consumers, every gateway replica must see every event (each one holds its own
 * revocation list and its own live streams), and the revocation list must be rebuilt from the whole history at
 * each start. So this consumer uses no consumer group: it assigns itself all partitions, reads the revocation
 * topic from the beginning and the live topics from their last {@code replay-buffer-size} records (which pre-fill
 * the replay ring, so a client can resume across a restart or a switch of replica), and commits nothing (no group
 * state is left behind by replicas that come and go). New partitions are picked up periodically. Until all this
 * history is read the gateway is not ready (authenticated requests get 503).
 */
@ApplicationScoped
public class SuiteEventsFeed {

    private static final Logger LOG = Logger.getLogger(SuiteEventsFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PARTITION_REFRESH_MILLIS = 10_000;

    private final KafkaConnection kafka;
    private final String revocationTopic;
    private final Set<String> liveTopics;
    private final int replaySize;
    private final long startupWaitMillis;
    private final Revocations revocations;
    private final LiveEventHub hub;

    /** End offsets of the partitions assigned before the gateway was ready: the history to read before serving. */
    private final Map<TopicPartition, Long> historyEnd = new HashMap<>();
    private final Set<TopicPartition> assigned = new LinkedHashSet<>();
    private volatile boolean running = true;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    public SuiteEventsFeed(KafkaConnection kafka, GatewayConfig config, Revocations revocations, LiveEventHub hub) {
        this.kafka = kafka;
        this.revocationTopic = config.revocations().topic();
        this.liveTopics = Set.copyOf(config.live().topics());
        this.replaySize = config.live().replayBufferSize();
        this.startupWaitMillis = config.revocations().startupWait().toMillis();
        this.revocations = revocations;
        this.hub = hub;
    }

    void start(@Observes StartupEvent event) throws InterruptedException {
        startReading();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopReading();
    }

    /** Starts the reading thread and waits (at most the configured startup wait) until the history is read. */
    public void startReading() throws InterruptedException {
        thread = new Thread(this::run, "gateway-events-feed");
        thread.setDaemon(true);
        thread.start();
        if (!revocations.awaitReplayed(startupWaitMillis)) {
            LOG.warnf("Revocation history not replayed after %d ms; authenticated requests get 503 until it is",
                    startupWaitMillis);
        }
    }

    public void stopReading() throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(5000);
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties(),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer = kafka;
                assigned.clear();
                consume(kafka);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Event feed failed, reconnecting: %s", e.toString());
                sleep(1000);
            }
        }
    }

    private void consume(KafkaConsumer<String, String> kafka) {
        long nextPartitionRefresh = 0;
        while (running) {
            if (System.currentTimeMillis() >= nextPartitionRefresh) {
                boolean complete = assignNewPartitions(kafka);
                nextPartitionRefresh = System.currentTimeMillis() + (complete ? PARTITION_REFRESH_MILLIS : 1000);
            }
            if (assigned.isEmpty()) {
                sleep(200);
                continue;
            }
            for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                handle(record);
            }
            if (!revocations.isReplayed() && !historyEnd.isEmpty() && historyReplayed(kafka)) {
                revocations.markReplayed();
                LOG.infof("History read: %d users with revoked sessions; live events ring pre-filled",
                        revocations.revokedUsers());
            }
        }
    }

    /** Returns whether every wanted topic has partitions assigned. */
    private boolean assignNewPartitions(KafkaConsumer<String, String> kafka) {
        Set<String> topics = new LinkedHashSet<>(liveTopics);
        topics.add(revocationTopic);
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
            if (!revocations.isReplayed() && topicsWithout(revocationTopic) && historyReplayed(kafka)) {
                // The revocation topic does not exist yet: there is no history to replay.
                revocations.markReplayed();
            }
            return complete;
        }
        assigned.addAll(fresh);
        kafka.assign(assigned);
        Map<TopicPartition, Long> beginnings = kafka.beginningOffsets(fresh);
        Map<TopicPartition, Long> ends = kafka.endOffsets(fresh);
        for (TopicPartition tp : fresh) {
            long begin = beginnings.getOrDefault(tp, 0L);
            long end = ends.getOrDefault(tp, begin);
            long from = begin;
            if (liveTopics.contains(tp.topic())) {
                String partition = partitionKey(tp.topic(), tp.partition());
                // After a reconnect: go on where the ring stands; at start: pre-fill it with the latest records.
                long live = hub.positionOf(partition).map(next -> Math.max(next, begin))
                        .orElse(Math.max(begin, end - replaySize));
                hub.track(partition, live);
                from = live;
            }
            // Revocations are rebuilt from the whole topic (the ring ignores what it does not hold).
            kafka.seek(tp, tp.topic().equals(revocationTopic) ? begin : from);
            if (!revocations.isReplayed()) {
                historyEnd.put(tp, end);
            }
        }
        LOG.debugf("Assigned %s; history to read before serving ends at %s", fresh, historyEnd);
        return complete;
    }

    private boolean topicsWithout(String topic) {
        return assigned.stream().noneMatch(tp -> tp.topic().equals(topic));
    }

    private boolean historyReplayed(KafkaConsumer<String, String> kafka) {
        for (Map.Entry<TopicPartition, Long> end : historyEnd.entrySet()) {
            if (kafka.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void handle(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        if (record.topic().equals(revocationTopic)) {
            IncomingEvents.read(record.value(), record.topic()).ifPresent(this::applyRevocation);
        }
        if (liveTopics.contains(record.topic())) {
            pushLive(record);
        }
    }

    /** The revocation list is platform's (the services read the same events the same way); streams close too. */
    private void applyRevocation(ReceivedEvent event) {
        revocations.apply(event).ifPresent(hub::revoke);
    }

    private void pushLive(ConsumerRecord<String, String> record) {
        try {
            JsonNode envelope = EventJson.mapper().readTree(record.value());
            String type = envelope.path("type").asText("");
            if (type.isEmpty()) {
                return;
            }
            JsonNode payload = envelope.path("payload");
            // Personal events name their person: payroll events the employee's user id, auth events the user id.
            String owner = payload.hasNonNull("employee_user_id") ? payload.get("employee_user_id").asText()
                    : payload.hasNonNull("user_id") ? payload.get("user_id").asText() : null;
            hub.publish(partitionKey(record.topic(), record.partition()), record.offset(), record.topic(), type, owner,
                    record.value());
        } catch (Exception e) {
            LOG.debugf("Skipping unreadable record on %s: %s", record.topic(), e.getMessage());
        }
    }

    private static String partitionKey(String topic, int partition) {
        return topic + ":" + partition;
    }

    private Properties properties() {
        Properties props = kafka.clientProperties("gateway-events-feed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
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
